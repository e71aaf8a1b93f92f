"""CIN rule 8670Q: an assessment still open at the ReferenceDate should have started no more than 45 working
days before it (the DfE's timescale for completing an assessment)."""

from casewatch.rules.cin._census import ref_minus_working_days
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8670Q", "cin", "Please check and either amend data or provide a reason: Assessment started more than 45 "
      "working days before the end of the census year. However, there is no Assessment end date.",
      tables=("assessments",), fields=("AssessmentActualStartDate",), severity="query")
def sql(year: int) -> str:
    return f"""SELECT _file, _row, _line, LAchildID AS child FROM assessments
      WHERE AssessmentAuthorisationDate IS NULL
        AND AssessmentActualStartDate < {ref_minus_working_days(year, 45)}"""


def test_8670Q():
    # 45 working days before Sunday 31 March 2024 (Good Friday 29 March) is Friday 26 January 2024
    assert flagged(sql, 2024, assessments="""
        LAchildID | CINdetailsID | AssessmentActualStartDate | AssessmentAuthorisationDate
        1         | 1            | 2024-01-25                |
        2         | 1            | 2024-01-26                |
        3         | 1            | 2024-01-25                | 2024-03-01
        4         | 1            |                           |
    """) == [2]
