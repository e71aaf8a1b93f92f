"""903 rule 102 (header.DOB): the cell must hold a valid date and not be blank."""

from casewatch.rules.common import valid_date
from casewatch.rules.testing import flagged

rule = valid_date(__name__, "102", "ssda903", "header", "DOB",
                  "Date of birth is not a valid date.", blank_ok=False)


def test_102():
    assert flagged(rule, 2024, header="""
        CHILD | DOB
        1     | 01/04/2023
        2     |
        3     | !31/02/2023
        4     | !yesterday
    """) == [3, 4, 5]
