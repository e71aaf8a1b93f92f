"""903 rule 166 (reviews.REVIEW): the cell must hold a valid date and not be blank."""

from casewatch.rules.common import valid_date
from casewatch.rules.testing import flagged

rule = valid_date(__name__, "166", "ssda903", "reviews", "REVIEW",
                  "Date of review is invalid or blank.", blank_ok=False)


def test_166():
    assert flagged(rule, 2024, reviews="""
        CHILD | REVIEW
        1     | 01/04/2023
        2     |
        3     | !31/02/2023
        4     | !yesterday
    """) == [3, 4, 5]
