"""903 rule 1003: An adoption decision before the child started to be looked after. Judged only where the
period of care starts in this return (its first episode is RNE S); earlier starts are not in the file."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("1003", "ssda903", "Date of LA's decision that a child should be placed for adoption is before the child started to be looked after.", tables=("placed_adoption", "episodes"), fields=("DATE_PLACED",))
def sql(year: int) -> str:
    return """SELECT p._file, p._row, p.CHILD AS child FROM placed_adoption p JOIN (SELECT CHILD, arg_min(DECOM, DECOM) AS first, arg_min(RNE, DECOM) AS rne FROM episodes GROUP BY CHILD) e ON e.CHILD = p.CHILD WHERE e.rne = 'S' AND p.DATE_PLACED < e.first"""


def test_1003():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE
        1     | 01/05/2023 | S
        2     | 01/05/2023 | S
        3     | 01/05/2023 | P
    """, placed_adoption="""
        CHILD | DATE_PLACED
        1     | 30/04/2023
        2     | 01/05/2023
        3     | 30/04/2023
    """) == [2]
