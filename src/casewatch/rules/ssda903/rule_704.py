"""903 rule 704: a deprivation of liberty order (DoLO) that ended outside the collection year (before 1 April
or after 31 March): an order that ended before the year started belongs to an earlier return."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("704", "ssda903", "The date that the DoLO ended is before the start or after the end of the collection year.", tables=("dolo",), fields=("DOLO_END",), since=2027)
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM dolo
       WHERE DOLO_END < DATE '{int(year) - 1}-04-01' OR DOLO_END > DATE '{int(year)}-03-31'"""


def test_704():
    assert flagged(sql, 2027, dolo="""
        CHILD | DOLO_START | DOLO_END
        1     | 01/01/2026 | 31/03/2026
        2     | 01/01/2026 | 01/04/2026
        3     | 01/01/2026 | 31/03/2027
        4     | 01/01/2027 | 01/04/2027
        5     | 01/01/2027 |
    """) == [2, 5]
