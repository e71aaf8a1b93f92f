"""903 rule 708: a deprivation of liberty order (DoLO) that starts on or before the child's date of birth
(the DoLO table's own DOB, as the DfE's validator reads it).

The DfE's statement of the rule: if DOLO_START is given it must be after DOB, so an order starting on the day
of birth is flagged too (its message says "before"; the rule is stricter, and casewatch follows the rule, as
the DfE's validator does)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("708", "ssda903", "Dates of DoLOs are before child’s date of birth.", tables=("dolo",), fields=("DOLO_START",), since=2027)
def sql(year: int) -> str:
    return "SELECT _file, _row, CHILD AS child FROM dolo WHERE DOLO_START <= DOB"


def test_708():
    assert flagged(sql, 2027, dolo="""
        CHILD | DOB        | DOLO_START
        1     | 01/01/2010 | 01/01/2010
        2     | 01/01/2010 |
        3     |            | 01/01/2026
        4     | 01/01/2010 | 02/01/2010
        5     | 01/01/2010 | 01/01/2009
    """) == [2, 6]
