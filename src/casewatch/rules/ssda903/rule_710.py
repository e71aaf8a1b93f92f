"""903 rule 710: a child under a deprivation of liberty order (DoLO) placed, while the order runs, in a
secure children's home (K1), with parents (P1), in a young offender institution (R5) or in supported
accommodation (K3).

The DfE's statement of the rule: if the DoLO has a start and an end, no episode whose dates overlap it may
have one of those placements. Both rows are flagged (the DoLO and the episode), and overlap is judged as in
rule 709 (the days of a placement change are not shared): the DfE's validator also counts an episode that ends
the day the order starts, which would flag the placement the child left for the one the order is for."""

from casewatch.model.schema import quote_list
from casewatch.returns.ssda903.spec import codes
from casewatch.rules.engine import rule
from casewatch.rules.ssda903.rule_709 import overlaps
from casewatch.rules.testing import issues

BARRED = ("K1", "P1", "R5", "K3")


@rule("710", "ssda903", "Child with a DoLO can not be placed in secure children's homes, with parents, young offender institutions, or supported accommodation.", tables=("dolo", "episodes"), fields=("DOLO_START", "PLACE"), since=2027)
def sql(year: int) -> str:
    return overlaps(f"e.PLACE IN ({quote_list(BARRED)})")


def test_710():
    found = issues(sql, 2027, episodes="""
        CHILD | DECOM      | DEC        | PLACE
        1     | 01/06/2026 | 04/06/2026 | P1
        1     | 04/06/2026 |            | K2
        2     | 01/06/2026 | 04/06/2026 | K1
        3     | 01/06/2026 |            | R5
        4     | 01/06/2026 |            | U1
        5     | 01/06/2026 |            | K3
    """, dolo="""
        CHILD | DOLO_START | DOLO_END
        1     | 04/06/2026 | 15/06/2026
        1     | 02/06/2026 | 03/06/2026
        2     | 25/12/2025 | 31/12/2025
        3     | 02/06/2026 |
        3     | 02/06/2026 | 05/06/2026
        4     | 02/06/2026 | 05/06/2026
        5     | 01/04/2026 | 02/06/2026
    """)
    assert sorted((i.table, i.row) for i in found) == [
        ("dolo", 3), ("dolo", 6), ("dolo", 8), ("episodes", 2), ("episodes", 5), ("episodes", 7)]
    assert set(BARRED) <= set(codes(2027, "episodes", "PLACE"))
