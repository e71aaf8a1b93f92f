"""903 rule 142: An earlier episode left open when a later one starts."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("142", "ssda903", "A new episode has started, but the previous episode has not ended.", tables=("episodes",), fields=("DEC",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
        SELECT *, lead(DECOM) OVER (PARTITION BY CHILD ORDER BY DECOM, _row) AS next_decom FROM episodes)
       WHERE next_decom IS NOT NULL AND DEC IS NULL"""


def test_142():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC
        1     | 01/04/2023 |
        1     | 01/05/2023 |
        2     | 01/04/2023 | 01/05/2023
        2     | 01/05/2023 |
    """) == [2]
