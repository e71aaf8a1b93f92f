"""903 rule 700 (dolo.DOLO_START): a deprivation of liberty order (DoLO, in the 903 from 2026-27) must have a
valid start date. A blank start is not a valid date either, as the DfE's validator has it."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("700", "ssda903", "The start date of the DoLO is not a valid date.", tables=("dolo",), fields=("DOLO_START",), since=2027)
def sql(year: int) -> str:
    return "SELECT _file, _row, CHILD AS child FROM dolo WHERE DOLO_START IS NULL"


def test_700():
    assert flagged(sql, 2027, dolo="""
        CHILD | DOLO_START  | DOLO_END
        1     | 01/01/2026  |
        2     |             | 01/02/2026
        3     | !2000/13/10 |
        4     | 2026-05-01  | !31/02/2027
    """) == [3, 4]
    assert not sql.applies(2026)
