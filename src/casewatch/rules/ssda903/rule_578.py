"""903 rule 578: A missing period starting after the child ceased to be looked after.

Flagged when MIS_START is after the child's first episode in the return starts but in no episode
(DECOM <= MIS_START <= DEC, an open episode running on): the child was out of care then. Starts before the
first episode are rule 581's."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("578", "ssda903", "The date that the child started to be missing is after the child ceased to be looked after.", tables=("missing", "episodes"), fields=("MIS_START",))
def sql(year: int) -> str:
    return """SELECT m._file, m._row, m.CHILD AS child FROM missing m
       JOIN (SELECT CHILD, min(DECOM) AS first FROM episodes GROUP BY CHILD) f ON f.CHILD = m.CHILD
       WHERE m.MIS_START > f.first AND NOT EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = m.CHILD
             AND m.MIS_START >= e.DECOM AND (e.DEC IS NULL OR m.MIS_START <= e.DEC))"""


def test_578():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC
        1     | 01/05/2023 | 01/06/2023
        2     | 01/05/2023 | 01/06/2023
        2     | 01/08/2023 |
        3     | 01/05/2023 | 01/06/2023
    """, missing="""
        CHILD | MISSING | MIS_START
        1     | M       | 01/06/2023
        1     | M       | 02/06/2023
        2     | M       | 01/07/2023
        2     | M       | 01/09/2023
        3     | M       | 01/04/2023
    """) == [3, 4]
