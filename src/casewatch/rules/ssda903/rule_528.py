"""903 rule 528: Placement provider PR2 with a placement type it cannot provide (P1 R2 R5)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("528", "ssda903", "A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.", tables=("episodes",), fields=("PLACE_PROVIDER",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes
       WHERE PLACE_PROVIDER = 'PR2' AND PLACE IN ('P1', 'R2', 'R5')"""


def test_528():
    assert flagged(sql, 2024, episodes="""
        CHILD | PLACE | PLACE_PROVIDER
        1     | R5    | PR2
        2     | U1    | PR2
        3     | R5    | PR3
        4     | R5    |
        5     |       | PR2
    """) == [2]
