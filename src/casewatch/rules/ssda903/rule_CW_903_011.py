"""903 rule CW-903-011: An episode ended X1 (a new episode follows) but the next one does not start that day."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("CW-903-011", "ssda903", "Reason episode ceased is X1 (new episode follows) but the next episode does not start on the same day.", tables=("episodes",), fields=("REC",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM (
        SELECT *, lead(DECOM) OVER (PARTITION BY CHILD ORDER BY DECOM, _row) AS next_decom FROM episodes)
       WHERE REC = 'X1' AND DEC <= make_date({year}, 3, 31) AND (next_decom IS NULL OR next_decom <> DEC)"""


def test_CW_903_011():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | REC
        1     | 01/04/2023 | 01/05/2023 | X1
        1     | 01/05/2023 |            |
        2     | 01/04/2023 | 01/05/2023 | X1
        2     | 03/05/2023 |            |
        3     | 01/04/2023 | 01/05/2023 | X1
    """) == [4, 6]
