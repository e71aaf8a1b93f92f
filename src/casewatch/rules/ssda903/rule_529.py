"""903 rule 529: Placement provider PR3 with a placement type it cannot provide (P1 A3 A4 A5 A6 K1 K2 U1 U2 U3 U4 U5 U6)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("529", "ssda903", "Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6 as these placements cannot be provided by other public organisations.", tables=("episodes",), fields=("PLACE_PROVIDER",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes
       WHERE PLACE_PROVIDER = 'PR3' AND PLACE IN ('P1', 'A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6')"""


def test_529():
    assert flagged(sql, 2024, episodes="""
        CHILD | PLACE | PLACE_PROVIDER
        1     | U3    | PR3
        2     | R1    | PR3
        3     | U3    | PR1
        4     | U3    |
        5     |       | PR3
    """) == [2]
