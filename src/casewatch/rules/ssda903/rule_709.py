"""903 rule 709: a child under a deprivation of liberty order (DoLO) placed somewhere other than a children's
home (K2) or the placements Z12 and Z13 while the order runs.

The DfE's statement of the rule: if the DoLO has a start and an end, every episode whose dates (DECOM to DEC)
overlap it should have one of those placements. Both rows are flagged, as the DfE's validator flags them:
the DoLO (DOLO_START) and the episode (PLACE). An order still open (no end) is not judged, as the rule says.
Overlap, judgement call: the DfE's validator counts an episode that ends on the day the order starts, or
starts on the day it ends, as overlapping; in the 903 an episode's DEC is the next one's DECOM (the day the
child moved), so that would flag the placement the child left when the order began (or moved to when it
ended). casewatch counts days in common other than those changeover days: DOLO_START before DEC (or no DEC)
and DOLO_END after DECOM. The DfE's validator reads a column PLACEMENT the episodes table does not have (it
is PLACE) and so cannot run. A blank placement is flagged (it is none of the three), as the DfE's code has
it. A query: the message calls the placement unexpected, not wrong."""

from casewatch.model.schema import quote_list
from casewatch.returns.ssda903.spec import codes
from casewatch.rules.engine import rule
from casewatch.rules.testing import issues

EXPECTED = ("K2", "Z12", "Z13")


def overlaps(where: str) -> str:
    """SQL for the (DoLO, episode) pairs of one child whose dates overlap (see the module docstring), both rows
    flagged once each, for the episodes ``where`` picks (over ``e.PLACE``)."""
    return f"""WITH pairs AS (
        SELECT d._file AS d_file, d._row AS d_row, e._file AS e_file, e._row AS e_row, d.CHILD
        FROM dolo d JOIN episodes e ON e.CHILD = d.CHILD
        WHERE d.DOLO_START IS NOT NULL AND d.DOLO_END IS NOT NULL AND e.DECOM IS NOT NULL
          AND d.DOLO_START < coalesce(e.DEC, DATE '9999-12-31') AND d.DOLO_END > e.DECOM AND ({where}))
       SELECT DISTINCT d_file AS _file, d_row AS _row, CHILD AS child, 'dolo' AS _table, 'DOLO_START' AS field
       FROM pairs
       UNION
       SELECT DISTINCT e_file, e_row, CHILD, 'episodes', 'PLACE' FROM pairs"""


@rule("709", "ssda903", "Child with a DoLO is in an unexpected placement type.", tables=("dolo", "episodes"), fields=("DOLO_START", "PLACE"), severity="query", since=2027)
def sql(year: int) -> str:
    return overlaps(f"e.PLACE IS NULL OR e.PLACE NOT IN ({quote_list(EXPECTED)})")


def test_709():
    found = issues(sql, 2027, episodes="""
        CHILD | DECOM      | DEC        | PLACE
        1     | 01/06/2026 | 04/06/2026 | U1
        1     | 04/06/2026 | 20/06/2026 | K2
        2     | 01/06/2026 |            | Z12
        3     | 01/06/2026 | 04/06/2026 | P1
        4     | 01/06/2026 |            |
        5     | 01/06/2026 | 10/06/2026 | U1
        5     | 10/06/2026 |            | Z13
    """, dolo="""
        CHILD | DOLO_START | DOLO_END
        1     | 04/06/2026 | 15/06/2026
        1     | 02/06/2026 | 03/06/2026
        2     | 02/06/2026 | 03/06/2026
        3     | 02/06/2026 |
        4     | 01/01/2026 | 02/06/2026
        5     | 20/05/2026 | 10/06/2026
        5     | 11/06/2026 | 12/06/2026
        6     | 02/06/2026 | 03/06/2026
    """)
    assert sorted((i.table, i.row) for i in found) == [
        ("dolo", 3), ("dolo", 6), ("dolo", 7), ("episodes", 2), ("episodes", 6), ("episodes", 7)]
    assert set(EXPECTED) <= set(codes(2027, "episodes", "PLACE"))
