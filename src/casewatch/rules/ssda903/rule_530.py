"""903 rule 530: Placement provider PR4 with a placement type it cannot provide (P1)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("530", "ssda903", "A placement provider code of PR4 cannot be associated with placement P1.", tables=("episodes",), fields=("PLACE_PROVIDER",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes
       WHERE PLACE_PROVIDER = 'PR4' AND PLACE IN ('P1')"""


def test_530():
    assert flagged(sql, 2024, episodes="""
        CHILD | PLACE | PLACE_PROVIDER
        1     | P1    | PR4
        2     | U1    | PR4
        3     | P1    | PR0
        4     | P1    |
        5     |       | PR4
    """) == [2]
