"""903 rule 706: a deprivation of liberty order (DoLO) open at the end of last year's return (a start, no end)
must be carried into this year's: the child's first DoLO this year must start on the same date.

The DfE's text: there is an open DoLO in last year's return and no corresponding DoLO recorded at the start
of this year. The flagged row is last year's open order (in last year's file), as the DfE's validator flags
it: this year may hold nothing to point at. The DfE's validator accepts any order this year with the same
start; its own statement of the rule asks for the first one, which casewatch follows (an earlier order this
year would mean the open order is not the one the child was under when the year began). Runs only with last
year's return loaded; 2025-26 had no DoLOs, so it can first flag anything in 2027-28."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("706", "ssda903", "There is an open DoLO in last year’s return and there is no corresponding DoLO recorded at the start of this year..", tables=("dolo", "dolo_last"), fields=("DOLO_START",), since=2027)
def sql(year: int) -> str:
    return """SELECT l._file, l._row, l.CHILD AS child, 'dolo' AS _table FROM dolo_last l
       WHERE l.DOLO_START IS NOT NULL AND l.DOLO_END IS NULL
         AND l.DOLO_START IS DISTINCT FROM (SELECT min(t.DOLO_START) FROM dolo t WHERE t.CHILD = l.CHILD)"""


def test_706():
    assert flagged(sql, 2027, dolo="""
        CHILD | DOLO_START | DOLO_END
        1     | 01/01/2026 | 01/06/2026
        2     | 01/02/2026 |
        3     | 01/05/2026 |
        4     | 01/01/2026 | 10/01/2026
        4     | 01/03/2026 |
    """, dolo_last="""
        CHILD | DOLO_START | DOLO_END
        1     | 01/01/2026 |
        2     | 02/02/2026 |
        3     | 01/01/2026 | 02/01/2026
        4     | 01/03/2026 |
        5     | 01/03/2026 |
        6     |            |
    """) == [3, 5, 6]
    assert sql.needs_last_year
