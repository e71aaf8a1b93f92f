"""903 rule CW-903-012: A new period of care (RNE S) straight after an X1 episode."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("CW-903-012", "ssda903", "The episode starts a new period of care (RNE S) but the previous episode ended X1 (continuing care).", tables=("episodes",), fields=("RNE",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
        SELECT *, lag(REC) OVER (PARTITION BY CHILD ORDER BY DECOM, _row) AS prev_rec FROM episodes)
       WHERE RNE = 'S' AND prev_rec = 'X1'"""


def test_CW_903_012():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | REC | RNE
        1     | 01/04/2023 | 01/05/2023 | X1  | S
        1     | 01/05/2023 |            |     | S
        2     | 01/04/2023 | 01/05/2023 | X1  | S
        2     | 01/05/2023 |            |     | P
    """) == [3]
