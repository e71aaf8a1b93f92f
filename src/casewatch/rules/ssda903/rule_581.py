"""903 rule 581: A missing period starting before the child started to be looked after.

The DfE's text: the child is missing but has not yet started to be looked after: MIS_START is before the
start of the child's first episode in the return. (The DfE's validator flags any start outside every
episode, which includes starts after care ended: rule 578's.)"""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("581", "ssda903", "Child is missing but has not yet started to be looked after.", tables=("missing", "episodes"), fields=("MIS_START",))
def sql(year: int) -> str:
    return """SELECT m._file, m._row, m.CHILD AS child FROM missing m
       JOIN (SELECT CHILD, min(DECOM) AS first FROM episodes GROUP BY CHILD) f ON f.CHILD = m.CHILD
       WHERE m.MIS_START < f.first"""


def test_581():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC
        1     | 01/05/2023 | 01/06/2023
        2     | 01/05/2023 |
    """, missing="""
        CHILD | MISSING | MIS_START
        1     | M       | 30/04/2023
        1     | M       | 01/05/2023
        2     | M       | 10/07/2023
        3     | M       | 10/07/2023
    """) == [2]
