"""903 rule 527: Placement provider PR1 with a placement type it cannot provide (P1 R2 R5)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("527", "ssda903", "A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.", tables=("episodes",), fields=("PLACE_PROVIDER",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes
       WHERE PLACE_PROVIDER = 'PR1' AND PLACE IN ('P1', 'R2', 'R5')"""


def test_527():
    assert flagged(sql, 2024, episodes="""
        CHILD | PLACE | PLACE_PROVIDER
        1     | R2    | PR1
        2     | U1    | PR1
        3     | R2    | PR3
        4     | R2    |
        5     |       | PR1
    """) == [2]
