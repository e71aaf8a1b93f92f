"""903 rule 551: A placement for adoption (PLACE A3 to A6) with no date of the decision that the child should
be placed for adoption (no PlacedAdoption row for the child with DATE_PLACED)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("551", "ssda903", "Child has been placed for adoption but there is no date of the decision that the child should be placed for adoption.", tables=("episodes", "placed_adoption"), fields=("PLACE",))
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM episodes e
       WHERE e.PLACE IN ('A3', 'A4', 'A5', 'A6')
         AND NOT EXISTS (SELECT 1 FROM placed_adoption p WHERE p.CHILD = e.CHILD AND p.DATE_PLACED IS NOT NULL)"""


def test_551():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | PLACE
        1     | 01/06/2023 | A3
        2     | 01/06/2023 | A4
        3     | 01/06/2023 | U1
        4     | 01/06/2023 | A6
    """, placed_adoption="""
        CHILD | DATE_PLACED
        1     | 01/05/2023
        2     |
    """) == [3, 5]
