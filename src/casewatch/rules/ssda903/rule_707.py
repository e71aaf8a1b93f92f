"""903 rule 707: an open deprivation of liberty order (DoLO: a start, no end) for a child who has ceased to
be looked after (their latest episode in the return has an end date and none is open).

The DfE's validator reuses rule 577's code for missing periods and so also flags orders that fall outside
every period of care (started before it, ended after or before it); its message is only about an order left
open after care ended, and casewatch follows the text, as it does for 577."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("707", "ssda903", "Child ceased to be looked after but there is a DoLO without an end date.", tables=("dolo", "episodes"), fields=("DOLO_END",), since=2027)
def sql(year: int) -> str:
    return """SELECT d._file, d._row, d.CHILD AS child FROM dolo d
       JOIN (SELECT CHILD, arg_max(DEC, DECOM) AS last_dec, count(*) - count(DEC) AS open_eps FROM episodes
             GROUP BY CHILD) e ON e.CHILD = d.CHILD
       WHERE d.DOLO_START IS NOT NULL AND d.DOLO_END IS NULL AND e.last_dec IS NOT NULL AND e.open_eps = 0"""


def test_707():
    assert flagged(sql, 2027, episodes="""
        CHILD | DECOM      | DEC
        1     | 01/05/2026 | 01/06/2026
        2     | 01/05/2026 | 01/06/2026
        2     | 01/06/2026 |
        3     | 01/05/2026 | 01/06/2026
        4     | 01/05/2026 | 01/06/2026
        5     | 01/05/2026 | 01/06/2026
    """, dolo="""
        CHILD | DOLO_START | DOLO_END
        1     | 10/05/2026 |
        2     | 10/05/2026 |
        3     | 10/05/2026 | 12/05/2026
        4     |            |
        6     | 10/05/2026 |
    """) == [2]
