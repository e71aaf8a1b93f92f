"""903 rule 381: A period of care cannot end with a temporary placement.

The DfE's text: if PLACE is a temporary placement (T0-T4) and the episode has ceased, the reason it
ceased must be X1 (a new episode begins, back to the normal placement)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("381", "ssda903", "A period of care cannot end with a temporary placement.", tables=("episodes",), fields=("REC",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes
       WHERE PLACE IN ('T0', 'T1', 'T2', 'T3', 'T4') AND REC IS NOT NULL AND REC <> 'X1'"""


def test_381():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | PLACE | REC
        1     | 01/06/2023 | T0    | E11
        2     | 01/06/2023 | T1    | X1
        3     | 01/06/2023 | T4    |
        4     | 01/06/2023 | U1    | E11
    """) == [2]
