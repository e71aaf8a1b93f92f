"""903 rule 531: Placement provider PR5 with a placement type it cannot provide (P1)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("531", "ssda903", "A placement provider code of PR5 cannot be associated with placements P1.", tables=("episodes",), fields=("PLACE_PROVIDER",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes
       WHERE PLACE_PROVIDER = 'PR5' AND PLACE IN ('P1')"""


def test_531():
    assert flagged(sql, 2024, episodes="""
        CHILD | PLACE | PLACE_PROVIDER
        1     | P1    | PR5
        2     | R2    | PR5
        3     | P1    | PR0
        4     | P1    |
        5     |       | PR5
    """) == [2]
