"""903 rule 118: A decision that a child should no longer be placed for adoption dated before this year or
before the child started to be looked after.

The DfE's text: if provided, DATE_PLACED_CEASED must not be before the collection start date (1 April) nor
before the DECOM of the child's earliest episode whose LS is not V3 or V4 (short breaks are not care in
this sense). The placed-for-adoption row is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("118", "ssda903", "Date of decision that a child should no longer be placed for adoption is before the current collection year or before the date the child started to be looked after.", tables=("placed_adoption", "episodes"), fields=("DATE_PLACED_CEASED",))
def sql(year: int) -> str:
    return f"""SELECT p._file, p._row, p.CHILD AS child FROM placed_adoption p LEFT JOIN (
        SELECT CHILD, min(DECOM) AS first FROM episodes WHERE coalesce(LS NOT IN ('V3', 'V4'), true)
        GROUP BY CHILD) e ON e.CHILD = p.CHILD
       WHERE p.DATE_PLACED_CEASED < DATE '{year - 1}-04-01' OR p.DATE_PLACED_CEASED < e.first"""


def test_118():
    assert flagged(sql, 2021, episodes="""
        CHILD | DECOM      | LS
        1     | 01/01/2019 | L1
        2     | 01/06/2020 | V3
        2     | 20/12/2020 | C2
        2     | 03/01/2021 | L1
        3     | 01/01/2019 | C2
        4     | 01/01/2019 | C2
    """, placed_adoption="""
        CHILD | DATE_PLACED_CEASED
        1     | 08/03/2020
        2     | 22/06/2020
        2     | 22/12/2020
        3     | 13/10/2020
        4     |
    """) == [2, 3]
