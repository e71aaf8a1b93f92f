"""903 rule 335: AD1's FOSTER_CARE must agree with the adoption placement the child left.

The DfE's text: where the episode ceased with adoption (REC E1, E11 or E12), a placement with the child's
foster carer (PLACE A1, A4 or A6: placed with own foster carer) needs FOSTER_CARE 1, and one with other
adopters (A2, A3 or A5) needs FOSTER_CARE 0. The episode row is reported."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("335", "ssda903", "The current foster value (0) suggests that child is not adopted by current foster carer, but last placement is A2, A3, or A5. Or the current foster value (1) suggests that child is adopted by current foster carer, but last placement is A1, A4 or A6.", tables=("episodes", "ad1"), fields=("PLACE",))
def sql(year: int) -> str:
    return """SELECT DISTINCT e._file, e._row, e.CHILD AS child FROM episodes e JOIN ad1 a ON a.CHILD = e.CHILD
       WHERE e.REC IN ('E1', 'E11', 'E12')
         AND ((e.PLACE IN ('A2', 'A3', 'A5') AND a.FOSTER_CARE = '0')
           OR (e.PLACE IN ('A1', 'A4', 'A6') AND a.FOSTER_CARE = '1'))"""


def test_335():
    assert flagged(sql, 2024, episodes="""
        CHILD | REC | PLACE
        1     | E11 | A3
        2     | E12 | A4
        3     | E11 | A5
        4     | E12 | A6
        5     | X1  | A3
    """, ad1="""
        CHILD | FOSTER_CARE
        1     | 0
        2     | 0
        3     | 1
        4     | 1
        5     | 0
    """) == [2, 5]
