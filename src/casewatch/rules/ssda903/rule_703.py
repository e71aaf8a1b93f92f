"""903 rule 703: a deprivation of liberty order (DoLO) that starts after the end of the collection year
(31 March)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("703", "ssda903", "The date that the DoLO started is after the end of the collection year.", tables=("dolo",), fields=("DOLO_START",), since=2027)
def sql(year: int) -> str:
    return f"SELECT _file, _row, CHILD AS child FROM dolo WHERE DOLO_START > DATE '{int(year)}-03-31'"


def test_703():
    assert flagged(sql, 2027, dolo="""
        CHILD | DOLO_START | DOLO_END
        1     | 31/03/2027 |
        2     | 01/04/2027 |
        3     |            |
        4     | 01/04/2020 | 01/05/2026
    """) == [3]
