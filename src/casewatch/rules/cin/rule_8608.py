"""CIN rule 8608: an assessment is authorised on or after the day it started. One authorised before it started
has no usable duration (the 45-working-day timeliness indicator), so it is quarantined."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8608", "cin", "Assessment Start Date cannot be later than its End Date", tables=("assessments",),
      fields=("AssessmentAuthorisationDate",), quarantine=True)
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM assessments
      WHERE AssessmentAuthorisationDate < AssessmentActualStartDate"""


def test_8608():
    assert flagged(sql, 2024, assessments="""
        LAchildID | CINdetailsID | AssessmentActualStartDate | AssessmentAuthorisationDate
        1         | 1            | 2023-06-02                | 2023-06-01
        2         | 1            | 2023-06-02                | 2023-06-02
        3         | 1            |                           | 2023-06-02
        4         | 1            | 2023-06-02                |
    """) == [2]
