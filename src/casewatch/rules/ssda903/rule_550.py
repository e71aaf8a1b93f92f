"""903 rule 550: Placement provider PR0 (the parent) with a placement other than P1 (placed with parents)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("550", "ssda903", "A placement provider code of PR0 can only be associated with placement P1.", tables=("episodes",), fields=("PLACE_PROVIDER",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes
       WHERE PLACE_PROVIDER = 'PR0' AND PLACE IS DISTINCT FROM 'P1'"""


def test_550():
    assert flagged(sql, 2024, episodes="""
        CHILD | PLACE | PLACE_PROVIDER
        1     | P1    | PR0
        2     | P0    | PR2
        3     | T3    | PR0
        4     | T1    |
        5     | P0    | PR0
    """) == [4, 6]
