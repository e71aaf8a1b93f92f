"""CIN rule 8614: factors identified at assessment belong to a completed (authorised) assessment only."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8614", "cin", "Parental or child factors at assessment should only be present for a completed assessment.",
      tables=("assessments",), fields=("AssessmentFactors",))
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM assessments
      WHERE AssessmentAuthorisationDate IS NULL AND len(AssessmentFactors) > 0"""


def test_8614():
    assert flagged(sql, 2024, assessments="""
        LAchildID | CINdetailsID | AssessmentAuthorisationDate | AssessmentFactors
        1         | 1            |                             | 2A
        2         | 1            | 2023-06-02                  | 2A,3B
        3         | 1            |                             |
    """) == [2]
