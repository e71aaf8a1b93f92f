"""903 rule 382: A child receiving respite care (LS V3 or V4) cannot be in a temporary placement (T0-T4)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("382", "ssda903", "A child receiving respite care cannot be in a temporary placement.", tables=("episodes",), fields=("PLACE",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes
       WHERE LS IN ('V3', 'V4') AND PLACE IN ('T0', 'T1', 'T2', 'T3', 'T4')"""


def test_382():
    assert flagged(sql, 2024, episodes="""
        CHILD | LS | PLACE
        1     | V3 | T0
        2     | V4 | T4
        3     | V4 | U1
        4     | C2 | T1
    """) == [2, 3]
