"""903 rule 705: a deprivation of liberty order (DoLO) that starts while an earlier order of the same child
is still open (no end date, or an end date after this start).

The DfE's text: a DoLO cannot start when the previous DoLO is still open. Orders are taken in the order they
started (then as they stand in the file) and the one that starts while an earlier one is open is flagged; an
order starting on the day the earlier one ended is not. The DfE's validator orders the orders by their end
date instead, so of two overlapping orders it can flag the one that started first (a long order started
before a short one it encloses); casewatch follows the text and flags the later start. Orders without a
valid start are rule 700's."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("705", "ssda903", "A DoLO cannot start when the previous DoLO is still open.", tables=("dolo",), fields=("DOLO_START",), since=2027)
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
        SELECT *, max(coalesce(DOLO_END, DATE '9999-12-31')) OVER (
                   PARTITION BY CHILD ORDER BY DOLO_START, _file, _row
                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS open_until
        FROM dolo WHERE DOLO_START IS NOT NULL AND CHILD IS NOT NULL)
       WHERE open_until > DOLO_START"""


def test_705():
    assert flagged(sql, 2027, dolo="""
        CHILD | DOLO_START | DOLO_END
        1     | 01/05/2026 | 02/05/2026
        1     | 04/05/2026 | 05/05/2026
        1     | 03/05/2026 | 06/05/2026
        2     | 01/05/2026 |
        2     | 02/05/2026 | 03/05/2026
        3     | 01/05/2026 | 02/05/2026
        3     | 02/05/2026 | 20/05/2026
        4     | 01/04/2026 |
        4     | 04/04/2026 | 05/04/2026
        4     | 08/04/2026 | 10/04/2026
        5     | 01/05/2026 | 01/06/2026
        6     | 01/05/2026 | 01/06/2026
    """) == [3, 6, 10, 11]
