"""903 rule 504: The category of need changes within a period of care.

The DfE's text: where an episode follows one that ended with REC X1 (the period of care goes on, only a
detail changed) on the day it starts, its category of need (CIN) must be the one the period started with.
Judged, as the DfE's validator does, episode by episode against the one before it."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("504", "ssda903", "The category of need code differs from that reported at start of current period of being looked after", tables=("episodes",), fields=("CIN",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
        SELECT *, lag(DEC) OVER w AS prev_dec, lag(REC) OVER w AS prev_rec, lag(CIN) OVER w AS prev_cin
        FROM episodes WINDOW w AS (PARTITION BY CHILD ORDER BY DECOM, _row))
       WHERE prev_rec = 'X1' AND prev_dec = DECOM AND CIN IS DISTINCT FROM prev_cin"""


def test_504():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | REC | CIN
        1     | 01/06/2023 | 04/06/2023 | X1  | N1
        1     | 04/06/2023 | 06/06/2023 | X1  | N2
        1     | 06/06/2023 |            |     | N3
        2     | 01/06/2023 | 04/06/2023 | X1  | N4
        2     | 04/06/2023 | 10/06/2023 | E11 | N4
        2     | 20/06/2023 |            |     | N1
        3     | 01/06/2023 | 04/06/2023 | X1  | N4
        3     | 05/06/2023 |            |     | N1
    """) == [3, 4]
