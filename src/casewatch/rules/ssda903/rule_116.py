"""903 rule 116 (placed_adoption.DATE_PLACED_CEASED): the cell must hold a valid date."""

from casewatch.rules.common import valid_date
from casewatch.rules.testing import flagged

rule = valid_date(__name__, "116", "ssda903", "placed_adoption", "DATE_PLACED_CEASED",
                  "Date of Local Authority's (LA) decision that a child should no longer be placed for adoption is not a valid date.", blank_ok=True)


def test_116():
    assert flagged(rule, 2024, placed_adoption="""
        CHILD | DATE_PLACED_CEASED
        1     | 01/04/2023
        2     |
        3     | !31/02/2023
        4     | !yesterday
    """) == [4, 5]
