"""903 rule 225: An episode that ended only because the placement changed (REC X1), followed by an episode
that starts with a change of placement (RNE P, B, T or U), must say why the placement changed
(REASON_PLACE_CHANGE). Temporary placements (T0-T4) on either side need no reason. The next episode is the
child's next by DECOM."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged

TEMPORARY = "('T0', 'T1', 'T2', 'T3', 'T4')"


@rule("225", "ssda903", "Reason for placement change must be recorded.", tables=("episodes",), fields=("REASON_PLACE_CHANGE",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM (
        SELECT *, lead(RNE) OVER (PARTITION BY CHILD ORDER BY DECOM, _row) AS next_rne,
                  lead(PLACE) OVER (PARTITION BY CHILD ORDER BY DECOM, _row) AS next_place FROM episodes)
       WHERE REC = 'X1' AND REASON_PLACE_CHANGE IS NULL AND coalesce(PLACE NOT IN {TEMPORARY}, true)
         AND next_rne IN ('P', 'B', 'T', 'U') AND coalesce(next_place NOT IN {TEMPORARY}, true)"""


def test_225():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | PLACE | REC | REASON_PLACE_CHANGE
        1     | 01/06/2023 | S   | U1    | X1  |
        1     | 05/06/2023 | P   | U3    | E11 |
        2     | 08/06/2023 | S   | U1    | X1  | CARPL
        2     | 10/06/2023 | P   | U3    | E3  |
        3     | 06/06/2023 | S   | T1    | X1  |
        3     | 07/06/2023 | P   | U3    |     |
        4     | 06/06/2023 | S   | U1    | X1  |
        4     | 07/06/2023 | B   | T2    |     |
        5     | 06/06/2023 | S   | U1    | X1  |
        5     | 07/06/2023 | L   | U1    |     |
        6     | 06/06/2023 | S   | U1    | X1  |
        6     | 07/06/2023 | U   | U2    |     |
        7     | 06/06/2023 | S   | U1    | X1  |
    """) == [2, 12]
