"""903 rule 380: A period of care cannot start with a temporary placement.

The DfE's text: if PLACE is a temporary placement (T0-T4), the reason for new episode must be P or B
(the placement changed from a normal one): S, L, T or U cannot start a temporary placement."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged

TEMPORARY = "('T0', 'T1', 'T2', 'T3', 'T4')"


@rule("380", "ssda903", "A period of care cannot start with a temporary placement.", tables=("episodes",), fields=("PLACE", "RNE"))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM episodes
       WHERE PLACE IN {TEMPORARY} AND (RNE IS NULL OR RNE NOT IN ('P', 'B'))"""


def test_380():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | PLACE | RNE
        1     | 01/06/2023 | T0    | S
        2     | 01/06/2023 | T1    | P
        3     | 01/06/2023 | T4    | B
        4     | 01/06/2023 | T2    | L
        5     | 01/06/2023 | U1    | S
    """) == [2, 5]
