"""903 rule 702: a deprivation of liberty order (DoLO) that ended before it started.

The DfE's validator also flags an order that ended on the day it started (DOLO_END <= DOLO_START); its
message says "before", and casewatch follows the text because an order made and ended on one day is a
real (if rare) order, not a wrong date. Blank or invalid dates are left to rules 700 and 701."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("702", "ssda903", "The date that the DoLO ended is before the date that it started.", tables=("dolo",), fields=("DOLO_END",), since=2027)
def sql(year: int) -> str:
    return "SELECT _file, _row, CHILD AS child FROM dolo WHERE DOLO_END < DOLO_START"


def test_702():
    assert flagged(sql, 2027, dolo="""
        CHILD | DOLO_START | DOLO_END
        1     | 01/05/2026 | 01/05/2026
        2     | 01/05/2026 |
        3     |            | 10/12/2026
        4     | 02/05/2026 | 01/05/2026
        5     | 01/05/2026 | 02/10/2026
    """) == [5]
