"""903 rule 345: A care leaver the LA is in touch with (IN_TOUCH YES) must have an activity and accommodation.

The DfE's text: if IN_TOUCH is YES, neither ACTIV nor ACCOM may be 0."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("345", "ssda903", "The data collection record shows the local authority is in touch with this young person, but activity and/or accommodation data items are zero.", tables=("oc3",), fields=("ACTIV", "ACCOM"))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM oc3 WHERE IN_TOUCH = 'YES' AND (ACTIV = '0' OR ACCOM = '0')"""


def test_345():
    assert flagged(sql, 2024, oc3="""
        CHILD | IN_TOUCH | ACTIV | ACCOM
        1     | YES      | F1    | B1
        2     | YES      | 0     | B1
        3     | YES      | F1    | 0
        4     | NO       | 0     | 0
    """) == [3, 4]
