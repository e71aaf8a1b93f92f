"""903 rule 634: Previous permanence entries (PREV_PERM, LA_PERM or DATE_PERM) for a child who has not
started to be looked after since 1 April 2016: every episode of the child in the return started earlier.

The DfE's text names 1 April 2016; the DfE's validator compares with the start of the collection year
instead. casewatch follows the text."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("634", "ssda903", "There are entries for previous permanence options, but child has not started to be looked after from 1 April 2016 onwards.", tables=("prev_perm", "episodes"), fields=("PREV_PERM",))
def sql(year: int) -> str:
    return """SELECT p._file, p._row, p.CHILD AS child FROM prev_perm p
       JOIN (SELECT CHILD, max(DECOM) AS last_decom FROM episodes GROUP BY CHILD) e ON e.CHILD = p.CHILD
       WHERE (p.PREV_PERM IS NOT NULL OR p.LA_PERM IS NOT NULL OR p.DATE_PERM IS NOT NULL)
         AND e.last_decom < DATE '2016-04-01'"""


def test_634():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM
        1     | 31/03/2016
        2     | 01/04/2016
        3     | 31/03/2016
        3     | 01/05/2023
        4     | 31/03/2016
    """, prev_perm="""
        CHILD | PREV_PERM | LA_PERM | DATE_PERM
        1     | P1        | 800     | 01/01/2015
        2     | P1        |         |
        3     | Z1        |         |
        4     |           |         |
    """) == [2]
