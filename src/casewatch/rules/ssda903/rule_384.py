"""903 rule 384: A child receiving respite care (LS V3 or V4) cannot be in a long-term foster placement (U1, U4)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("384", "ssda903", "A child receiving respite care cannot be in a long-term foster placement ", tables=("episodes",), fields=("PLACE", "LS"))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes WHERE LS IN ('V3', 'V4') AND PLACE IN ('U1', 'U4')"""


def test_384():
    assert flagged(sql, 2024, episodes="""
        CHILD | LS | PLACE
        1     | V3 | U1
        2     | V4 | U4
        3     | V4 | U3
        4     | C2 | U1
    """) == [2, 3]
