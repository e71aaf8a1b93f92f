"""903 rule 115 (placed_adoption.DATE_PLACED): the cell must hold a valid date and not be blank."""

from casewatch.rules.common import valid_date
from casewatch.rules.testing import flagged

rule = valid_date(__name__, "115", "ssda903", "placed_adoption", "DATE_PLACED",
                  "Date of Local Authority's (LA) decision that a child should be placed for adoption is not a valid date.", blank_ok=False)


def test_115():
    assert flagged(rule, 2024, placed_adoption="""
        CHILD | DATE_PLACED
        1     | 01/04/2023
        2     |
        3     | !31/02/2023
        4     | !yesterday
    """) == [3, 4, 5]
