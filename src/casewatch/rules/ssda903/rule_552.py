"""903 rule 552: The decision that the child should be placed for adoption comes after they were placed.

As the DfE's validator judges it: the child's latest PlacedAdoption DATE_PLACED must be on or before the
start (DECOM) of their first placement for adoption (PLACE A3 to A6) in the return; that episode is
flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("552", "ssda903", "Date of Decision to place a child for adoption should be on or prior to the date that the child was placed for adoption.", tables=("episodes", "placed_adoption"), fields=("DECOM",))
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM (
          SELECT *, row_number() OVER (PARTITION BY CHILD ORDER BY DECOM, _row) AS n FROM episodes
          WHERE PLACE IN ('A3', 'A4', 'A5', 'A6') AND DECOM IS NOT NULL) e
        JOIN (SELECT CHILD, max(DATE_PLACED) AS decided FROM placed_adoption GROUP BY CHILD) p ON p.CHILD = e.CHILD
       WHERE e.n = 1 AND e.DECOM < p.decided"""


def test_552():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | PLACE
        1     | 01/06/2023 | A3
        2     | 01/06/2023 | A4
        2     | 01/08/2023 | A5
        3     | 01/06/2023 | U1
        4     | 01/06/2023 | A6
    """, placed_adoption="""
        CHILD | DATE_PLACED
        1     | 01/06/2023
        2     | 01/05/2023
        2     | 01/07/2023
        3     | 01/07/2023
        4     |
    """) == [3]
