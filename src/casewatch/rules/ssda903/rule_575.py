"""903 rule 575: A missing period with no end date, that started during an episode which has ended.

The DfE's text: if the placement from which the child goes missing ends, the missing period must have an
end date too. The placement is the episode the period started in (DECOM <= MIS_START <= DEC)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("575", "ssda903", "If the placement from which the child goes missing/away from placement without authorisation ends, the missing/away from placement without authorisation period in the missing module must also have an end date.", tables=("missing", "episodes"), fields=("MIS_END",))
def sql(year: int) -> str:
    return """SELECT m._file, m._row, m.CHILD AS child FROM missing m
       WHERE m.MIS_END IS NULL AND EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = m.CHILD AND e.DEC IS NOT NULL
             AND m.MIS_START BETWEEN e.DECOM AND e.DEC)"""


def test_575():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC
        1     | 01/05/2023 | 01/06/2023
        1     | 01/06/2023 |
        2     | 01/05/2023 | 01/06/2023
        3     | 01/05/2023 | 01/06/2023
    """, missing="""
        CHILD | MISSING | MIS_START  | MIS_END
        1     | M       | 10/05/2023 |
        1     | M       | 10/06/2023 |
        2     | M       | 10/05/2023 | 12/05/2023
        3     | A       | 01/06/2023 |
    """) == [2, 5]
