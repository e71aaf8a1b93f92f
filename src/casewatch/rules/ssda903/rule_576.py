"""903 rule 576: a missing/away period still open at the end of last year's return with no period of the same
start recorded this year.

A period is open when its MIS_END is blank (a MIS_END that is not a date is not taken as blank). casewatch
flags, for each child with such a period last year and no period this year starting on the same MIS_START,
the child's earliest missing row this year (as the DfE validator does) or, when the child has none, the
child's header row this year if the child had an episode open on 1 April: the DfE's text asks for the period
at the start of this year, and the DfE validator misses a child with no missing row this year at all."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import issues


@rule("576", "ssda903", "There is an open missing/away from placement without authorisation period in last year’s return and there is no corresponding period recorded at the start of this year.", tables=("missing", "missing_last", "header", "episodes"), fields=("MIS_START",))
def sql(year: int) -> str:
    start = f"DATE '{year - 1}-04-01'"
    return f"""WITH gone AS (
           SELECT DISTINCT l.CHILD, l.MIS_START FROM missing_last l
           WHERE l.MIS_END IS NULL AND json_extract_string(l._bad, '$.MIS_END') IS NULL AND l.MIS_START IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM missing m WHERE m.CHILD = l.CHILD AND m.MIS_START = l.MIS_START)),
       missed AS (
           SELECT CHILD, 'open since ' || string_agg(strftime(MIS_START, '%d/%m/%Y'), ', ') AS expected
           FROM gone GROUP BY CHILD),
       first AS (
           SELECT m._file, m._row, m.CHILD FROM missing m
           QUALIFY row_number() OVER (PARTITION BY m.CHILD ORDER BY m.MIS_START NULLS LAST, m._row) = 1)
       SELECT f._file, f._row, f.CHILD AS child, 'missing' AS _table, 'MIS_START' AS field, x.expected
       FROM first f JOIN missed x ON x.CHILD = f.CHILD
       UNION ALL
       SELECT h._file, h._row, h.CHILD AS child, 'header' AS _table, 'CHILD' AS field, x.expected
       FROM header h JOIN missed x ON x.CHILD = h.CHILD
       WHERE NOT EXISTS (SELECT 1 FROM missing m WHERE m.CHILD = h.CHILD)
         AND EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = h.CHILD AND e.DECOM <= {start}
                     AND (e.DEC IS NULL OR e.DEC >= {start}))"""


def test_576():
    found = issues(sql, 2024, missing_last="""
        CHILD | MIS_START  | MIS_END
        1     | 07/02/2023 | 07/02/2023
        2     | 07/02/2023 |
        3     | 03/02/2023 | 07/02/2023
        4     | 07/02/2023 |
        5     | 01/02/2023 |
        6     | 01/02/2023 | !32/02/2023
        7     | 01/03/2023 |
        8     | 01/03/2023 |
        9     | 01/03/2023 |
    """, missing="""
        CHILD | MIS_START  | MIS_END
        1     | 07/02/2023 | 07/02/2023
        2     | 08/02/2023 | 09/02/2023
        2     | 01/05/2023 |
        3     | 03/05/2023 | 07/05/2023
        4     |            | 01/05/2023
        5     | 01/06/2023 |
        5     | 01/02/2023 | 02/04/2023
        6     | 01/05/2023 |
    """, header="""
        CHILD | DOB
        7     | 01/01/2010
        8     | 01/01/2010
        9     | 01/01/2010
    """, episodes="""
        CHILD | DECOM      | DEC
        7     | 01/01/2023 |
        8     | 01/01/2023 | 31/03/2023
        9     | 01/01/2023 | 01/04/2023
    """)
    # missing rows 3 (child 2's earliest) and 6 (child 4's); header rows 2 (child 7) and 4 (child 9)
    assert sorted((i.table, i.row, i.child) for i in found) == [
        ("header", 2, "7"), ("header", 4, "9"), ("missing", 3, "2"), ("missing", 6, "4")]
