"""903 rule 158: A child who received an intervention for substance misuse (INTERVENTION_RECEIVED 1) needs no
answer to whether one was offered: INTERVENTION_OFFERED must be blank."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("158", "ssda903", "If a child has been recorded as receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be left blank.", tables=("oc2",), fields=("INTERVENTION_OFFERED",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM oc2
       WHERE INTERVENTION_RECEIVED = '1' AND INTERVENTION_OFFERED IS NOT NULL"""


def test_158():
    assert flagged(sql, 2024, oc2="""
        CHILD | SUBSTANCE_MISUSE | INTERVENTION_RECEIVED | INTERVENTION_OFFERED
        1     | 1                | 1                     |
        2     | 1                | 1                     | 0
        3     | 1                | 0                     | 1
        4     | 1                | 1                     | 1
    """) == [3, 5]
