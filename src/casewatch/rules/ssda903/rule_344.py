"""903 rule 344: A care leaver who has died or returned home (IN_TOUCH DIED or RHOM) has activity or accommodation.

The DfE's text: if IN_TOUCH is DIED or RHOM, ACTIV and ACCOM must not be completed (they are 0). The peer
also flags blank ACTIV/ACCOM; a blank is not "completed", so casewatch flags only a code other than 0."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("344", "ssda903", "The record shows the young person has died or returned home to live with parent(s) or someone with parental responsibility for a continuous period of 6 months or more, but activity and/or accommodation on leaving care have been completed.", tables=("oc3",), fields=("IN_TOUCH",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM oc3
       WHERE IN_TOUCH IN ('DIED', 'RHOM') AND (ACTIV <> '0' OR ACCOM <> '0')"""


def test_344():
    assert flagged(sql, 2024, oc3="""
        CHILD | IN_TOUCH | ACTIV | ACCOM
        1     | DIED     | 0     | 0
        2     | RHOM     | F1    | 0
        3     | DIED     | 0     | B1
        4     | RHOM     |       |
        5     | YES      | F1    | B1
    """) == [3, 4]
