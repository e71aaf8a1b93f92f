"""903 rule 431: A new period of care (RNE S) must start after the previous episode ended.

The DfE's text: if the reason for new episode is S (started to be looked after), the previous episode of
the child must have ended before this one started; an episode starting on the same day as (or before) the
previous one ended is a continuation, not a new period of care."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("431", "ssda903", "The reason for new episode is started to be looked after, but the previous episode ended on the same day.", tables=("episodes",), fields=("RNE", "DECOM"))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
        SELECT *, lag(DEC) OVER (PARTITION BY CHILD ORDER BY DECOM, _row) AS prev_dec FROM episodes)
       WHERE RNE = 'S' AND prev_dec >= DECOM"""


def test_431():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | RNE
        1     | 01/04/2023 | 10/05/2023 | S
        1     | 10/05/2023 |            | S
        2     | 01/04/2023 | 10/05/2023 | S
        2     | 11/05/2023 |            | S
        3     | 01/04/2023 | 10/05/2023 | S
        3     | 10/05/2023 |            | P
        4     | 01/05/2023 |            | S
    """) == [3]
