"""CIN rule 8831: Assessments or plans on a referral marked no further action."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8831", "cin", "Activity is recorded against a case marked as a referral with no further action", tables=("assessments", "cin_details"), fields=("AssessmentActualStartDate",))
def sql(year: int) -> str:
    return """SELECT t._file, t._row, t._line, t.LAchildID AS child FROM assessments t JOIN cin_details d ON d._file = t._file AND d.LAchildID = t.LAchildID AND d.CINdetailsID = t.CINdetailsID WHERE d.ReferralNFA"""


def test_8831():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | ReferralNFA
        1         | 1            | 1
        2         | 1            | 0
    """, assessments="""
        LAchildID | CINdetailsID | AssessmentActualStartDate
        1         | 1            | 2023-05-09
        2         | 1            | 2023-05-10
    """) == [2]
