"""903 rule 113 (ad1.DATE_MATCH): the cell must hold a valid date and not be blank."""

from casewatch.rules.common import valid_date
from casewatch.rules.testing import flagged

rule = valid_date(__name__, "113", "ssda903", "ad1", "DATE_MATCH",
                  "Date matching child and adopter(s) is not a valid date.", blank_ok=False)


def test_113():
    assert flagged(rule, 2024, ad1="""
        CHILD | DATE_MATCH
        1     | 01/04/2023
        2     |
        3     | !31/02/2023
        4     | !yesterday
    """) == [3, 4, 5]
