"""903 rule 437: Died or turned 18 (REC E2, E15) yet further episodes follow."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("437", "ssda903", "Reason episode ceased is child has died or is aged 18 or over but there are further episodes.", tables=("episodes",), fields=("REC",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
        SELECT *, lead(DECOM) OVER (PARTITION BY CHILD ORDER BY DECOM, _row) AS next_decom FROM episodes)
       WHERE REC IN ('E2', 'E15') AND next_decom IS NOT NULL"""


def test_437():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | REC
        1     | 01/04/2023 | 01/05/2023 | E2
        1     | 01/06/2023 |            |
        2     | 01/04/2023 | 01/05/2023 | E2
    """) == [2]
