"""CIN rule 1103: assessments.AssessmentActualStartDate before the referral of its CIN episode."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("1103", "cin", "The assessment start date cannot be before the referral date", tables=("assessments", "cin_details"), fields=("AssessmentActualStartDate",))
def sql(year: int) -> str:
    return """SELECT t._file, t._row, t._line, t.LAchildID AS child FROM assessments t JOIN cin_details d ON d._file = t._file AND d.LAchildID = t.LAchildID AND d.CINdetailsID = t.CINdetailsID WHERE t.AssessmentActualStartDate < d.CINreferralDate"""


def test_1103():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate
        1         | 1            | 2023-05-10
    """, assessments="""
        LAchildID | CINdetailsID | AssessmentActualStartDate
        1         | 1            | 2023-05-09
        1         | 1            | 2023-05-10
    """) == [2]
