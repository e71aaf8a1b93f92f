"""903 rule 192: A child with a substance misuse problem (SUBSTANCE_MISUSE 1) must have INTERVENTION_RECEIVED
completed."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("192", "ssda903", "Child has been identified as having a substance misuse problem but the additional item on whether an intervention was received has been left blank.", tables=("oc2",), fields=("INTERVENTION_RECEIVED",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM oc2
       WHERE SUBSTANCE_MISUSE = '1' AND INTERVENTION_RECEIVED IS NULL"""


def test_192():
    assert flagged(sql, 2024, oc2="""
        CHILD | SUBSTANCE_MISUSE | INTERVENTION_RECEIVED
        1     | 1                |
        2     | 1                | 0
        3     | 0                |
        4     |                  |
    """) == [2]
