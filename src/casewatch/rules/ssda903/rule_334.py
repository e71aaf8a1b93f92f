"""903 rule 334: The decision that the child should be placed for adoption cannot precede the current period of care.

The DfE's text: the date the child started to be looked after in the latest period of care (DECOM of the
child's latest episode with RNE S) must be on or before AD1's DATE_INT. The AD1 row is reported."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("334", "ssda903", "Date child started to be looked after in latest period of care must be on or prior to the date should be placed for adoption.", tables=("ad1", "episodes"), fields=("DATE_INT",))
def sql(year: int) -> str:
    return """SELECT a._file, a._row, a.CHILD AS child FROM ad1 a
       JOIN (SELECT CHILD, max(DECOM) AS started FROM episodes WHERE RNE = 'S' GROUP BY CHILD) e ON e.CHILD = a.CHILD
       WHERE a.DATE_INT < e.started"""


def test_334():
    assert flagged(sql, 2024, ad1="""
        CHILD | DATE_INT
        1     | 01/06/2023
        2     | 01/06/2023
        3     | 01/06/2023
    """, episodes="""
        CHILD | DECOM      | RNE
        1     | 01/06/2023 | S
        2     | 01/01/2023 | S
        2     | 01/05/2023 | S
        2     | 02/06/2023 | P
        3     | 01/01/2023 | S
        3     | 02/06/2023 | S
    """) == [4]
