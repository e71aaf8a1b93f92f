"""903 rule 432: After an episode that ended the child's care, the next episode must start a new period (RNE S).

The DfE's text: if the reason the previous episode ceased is one that ends the period of care (any code
but X1, e.g. E2-E17, E41-E48), the reason for the new episode must be S. The year's valid REC codes other
than X1 end care; a REC that is no code at all (ZZ9) says nothing about it and is left to the REC rule (the
parity bench found casewatch counting it as leaving care; the peer lists the E codes)."""

from casewatch.model.schema import quote_list
from casewatch.returns.ssda903.spec import codes
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("432", "ssda903", "The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after.", tables=("episodes",), fields=("RNE",))
def sql(year: int) -> str:
    ended = [c for c in codes(year, "episodes", "REC") or () if c != "X1"]
    return f"""SELECT _file, _row, CHILD AS child FROM (
        SELECT *, lag(REC) OVER (PARTITION BY CHILD ORDER BY DECOM, _row) AS prev_rec FROM episodes
        WHERE CHILD IS NOT NULL)
       WHERE prev_rec IN ({quote_list(ended) if ended else "NULL"}) AND RNE IS DISTINCT FROM 'S'"""


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


def test_432_a_reason_that_is_no_code_that_year_ends_nothing():
    assert flagged(sql, 2025, episodes="""
        CHILD | DECOM      | DEC        | RNE | REC
        1     | 01/04/2024 | 10/05/2024 | S   | E43
        1     | 20/05/2024 |            | P   |
        2     | 01/04/2024 | 10/05/2024 | S   | E41
        2     | 20/05/2024 |            | P   |
    """) == [5]
