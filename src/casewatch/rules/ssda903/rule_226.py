"""903 rule 226: A temporary placement (PLACE T0-T4) needs no reason for placement change: the DfE's text is
that REASON_PLACE_CHANGE must be blank both on the temporary episode and on the child's episode before it
(by DECOM), as a move into a temporary placement is not a placement change. The episode flagged is the
temporary one. From 2025-26 the DfE's message adds "for temporary placements"; the check is the same."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("226", "ssda903", "Reason for placement change is not required.", tables=("episodes",), fields=("REASON_PLACE_CHANGE",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
        SELECT *, lag(REASON_PLACE_CHANGE) OVER (PARTITION BY CHILD ORDER BY DECOM, _row) AS prev_reason FROM episodes)
       WHERE PLACE IN ('T0', 'T1', 'T2', 'T3', 'T4')
         AND (REASON_PLACE_CHANGE IS NOT NULL OR prev_reason IS NOT NULL)"""


def test_226():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | PLACE | REASON_PLACE_CHANGE
        1     | 01/06/2023 | U1    | CARPL
        1     | 05/06/2023 | T1    |
        2     | 01/06/2023 | U1    |
        2     | 05/06/2023 | T2    | CARPL
        3     | 01/06/2023 | U1    |
        3     | 05/06/2023 | T3    |
        4     | 01/06/2023 | T0    |
        4     | 05/06/2023 | U1    | CARPL
        5     | 01/06/2023 | U1    | CARPL
        5     | 05/06/2023 | U2    |
    """) == [3, 5]
