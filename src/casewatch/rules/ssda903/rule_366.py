"""903 rule 366: A child cannot change placement during a short-term respite break.

The DfE's text: if LS is V3 (a single short-term break), the reason for new episode must be S: each break
is its own period of care with one placement."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("366", "ssda903", "A child cannot change placement during the course of an individual short-term respite break.", tables=("episodes",), fields=("RNE",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes WHERE LS = 'V3' AND RNE IS DISTINCT FROM 'S'"""


def test_366():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | LS | RNE
        1     | 01/06/2023 | V3 | S
        1     | 05/06/2023 | V3 | P
        2     | 01/06/2023 | V4 | P
        3     | 01/06/2023 | V3 |
    """) == [3, 5]
