"""903 rule 432: After an episode that ended the child's care, the next episode must start a new period (RNE S).

The DfE's text: if the reason the previous episode ceased is one that ends the period of care (any code
but X1, e.g. E2-E17, E41-E48), the reason for the new episode must be S. The peer lists the E codes
explicitly; casewatch treats every reason other than X1 (the one continuation code) as ending care."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("432", "ssda903", "The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after.", tables=("episodes",), fields=("RNE",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
        SELECT *, lag(REC) OVER (PARTITION BY CHILD ORDER BY DECOM) AS prev_rec FROM episodes)
       WHERE prev_rec IS NOT NULL AND prev_rec <> 'X1' AND RNE IS DISTINCT FROM 'S'"""


def test_432():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | RNE | REC
        1     | 01/04/2023 | 10/05/2023 | S   | E11
        1     | 20/05/2023 |            | P   |
        2     | 01/04/2023 | 10/05/2023 | S   | E3
        2     | 20/05/2023 |            | S   |
        3     | 01/04/2023 | 10/05/2023 | S   | X1
        3     | 10/05/2023 |            | L   |
        4     | 01/04/2023 |            | P   |
    """) == [3]
