"""903 rule 564: A missing or away-without-authorisation period (MISSING M or A) with no start date."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("564", "ssda903", "Child was missing or away from placement without authorisation and the date started is blank.", tables=("missing",), fields=("MIS_START",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM missing WHERE MISSING IN ('M', 'A') AND MIS_START IS NULL"""


def test_564():
    assert flagged(sql, 2024, missing="""
        CHILD | MISSING | MIS_START
        1     | M       | 01/05/2023
        2     | A       |
        3     | m       |
        4     |         |
        5     | M       | !32/05/2023
    """) == [3, 4, 6]
