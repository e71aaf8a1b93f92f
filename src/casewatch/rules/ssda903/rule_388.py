"""903 rule 388: X1 (episode ceased, new episode begins) must be followed by an episode starting that day.

The DfE's text, in three parts: where REC is X1 there must be a later episode starting on the day this one
ceased; where an episode ceased and another starts the same day (the child stays looked after), REC must be
X1; and the child's last episode, if it has ceased, must not have REC X1."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("388", "ssda903", "Reason episode ceased is coded new episode begins, but there is no continuation episode.", tables=("episodes",), fields=("REC",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
        SELECT *, lead(DECOM) OVER w AS next_decom, row_number() OVER w AS n, count(*) OVER (PARTITION BY CHILD) AS k
        FROM episodes WINDOW w AS (PARTITION BY CHILD ORDER BY DECOM, _row))
       WHERE DEC IS NOT NULL AND (
             (n < k AND REC = 'X1' AND next_decom IS NOT NULL AND DEC <> next_decom)
          OR (n < k AND REC IS NOT NULL AND REC <> 'X1' AND DEC = next_decom)
          OR (n = k AND REC = 'X1'))"""


def test_388():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | REC
        1     | 01/04/2023 | 10/05/2023 | X1
        1     | 10/05/2023 | 01/06/2023 | X1
        1     | 05/06/2023 |            |
        2     | 01/04/2023 | 10/05/2023 | E11
        2     | 10/05/2023 | 01/06/2023 | X1
        3     | 01/04/2023 | 10/05/2023 | E3
        3     | 20/05/2023 |            |
    """) == [3, 5, 6]
