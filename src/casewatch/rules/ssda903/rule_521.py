"""903 rule 521: The decision that adoption is in the child's best interests (AD1 DATE_INT) comes after the
child was placed for adoption (the start, DECOM, of an episode with PLACE A3 to A6). The AD1 row is
flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("521", "ssda903", "Date of local authority's decision (LA) that adoption is in the best interests of the child (date should be placed) must be on or prior to the date the child is placed for adoption.", tables=("ad1", "episodes"), fields=("DATE_INT",))
def sql(year: int) -> str:
    return """SELECT a._file, a._row, a.CHILD AS child FROM ad1 a
       WHERE EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = a.CHILD AND e.PLACE IN ('A3', 'A4', 'A5', 'A6')
                     AND a.DATE_INT > e.DECOM)"""


def test_521():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | PLACE
        1     | 01/06/2023 | A3
        2     | 01/06/2023 | A5
        3     | 01/06/2023 | U1
        4     | 01/06/2023 | A6
    """, ad1="""
        CHILD | DATE_INT
        1     | 01/06/2023
        2     | 02/06/2023
        3     | 02/06/2023
        4     |
    """) == [3]
