"""903 rule 159: A child with a substance misuse problem (SUBSTANCE_MISUSE 1) who did not receive an
intervention (INTERVENTION_RECEIVED 0) must have INTERVENTION_OFFERED completed."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("159", "ssda903", "If a child has been recorded as not receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be completed as well.", tables=("oc2",), fields=("INTERVENTION_OFFERED",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM oc2
       WHERE SUBSTANCE_MISUSE = '1' AND INTERVENTION_RECEIVED = '0' AND INTERVENTION_OFFERED IS NULL"""


def test_159():
    assert flagged(sql, 2024, oc2="""
        CHILD | SUBSTANCE_MISUSE | INTERVENTION_RECEIVED | INTERVENTION_OFFERED
        1     | 1                | 0                     |
        2     | 1                | 0                     | 1
        3     | 1                | 1                     |
        4     | 0                | 0                     |
    """) == [2]
