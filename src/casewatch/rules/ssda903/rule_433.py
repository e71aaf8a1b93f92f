"""903 rule 433: A continuation episode (RNE P, L, T, U or B) must start on the day the previous one ended.

The DfE's text: if the reason for new episode is P, L, T, U or B, the episode must start on the date the
previous episode ceased. A child's first episode in the return is not judged (the previous one may be in
an earlier year's return); a missing DECOM or previous DEC is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("433", "ssda903", "The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.", tables=("episodes",), fields=("RNE", "DECOM"))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
        SELECT *, lag(DEC) OVER (PARTITION BY CHILD ORDER BY DECOM, DEC) AS prev_dec,
                  row_number() OVER (PARTITION BY CHILD ORDER BY DECOM, DEC) AS n FROM episodes)
       WHERE n > 1 AND RNE IN ('P', 'L', 'T', 'U', 'B') AND (prev_dec IS DISTINCT FROM DECOM OR DECOM IS NULL)"""


def test_433():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | RNE
        1     | 01/04/2023 | 10/05/2023 | S
        1     | 10/05/2023 | 01/06/2023 | P
        1     | 02/06/2023 |            | L
        2     | 01/04/2023 | 10/05/2023 | S
        2     | 12/05/2023 |            | S
        3     | 01/04/2023 |            | T
        4     | 01/04/2023 |            | S
        4     | 02/05/2023 |            | U
    """) == [4, 9]
