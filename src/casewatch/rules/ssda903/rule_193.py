"""903 rule 193: A child not identified as having a substance misuse problem (SUBSTANCE_MISUSE 0 or blank)
must have INTERVENTION_RECEIVED and INTERVENTION_OFFERED blank."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("193", "ssda903", "Child not identified as having a substance misuse problem but at least one of the two additional items on whether an intervention were offered and received have been completed.", tables=("oc2",), fields=("INTERVENTION_RECEIVED",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM oc2
       WHERE coalesce(SUBSTANCE_MISUSE = '0', true)
         AND (INTERVENTION_RECEIVED IS NOT NULL OR INTERVENTION_OFFERED IS NOT NULL)"""


def test_193():
    assert flagged(sql, 2024, oc2="""
        CHILD | SUBSTANCE_MISUSE | INTERVENTION_RECEIVED | INTERVENTION_OFFERED
        1     | 0                | 1                     |
        2     |                  |                       | 0
        3     | 0                |                       |
        4     | 1                | 1                     |
    """) == [2, 3]
