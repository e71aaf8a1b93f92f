"""CIN rule 8898: an assessment does not record the same factor twice."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8898", "cin", "The assessment has more than one parental or child factors with the same code",
      tables=("assessments",), fields=("AssessmentFactors",))
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM assessments
      WHERE len(AssessmentFactors) > len(list_distinct(AssessmentFactors))"""


def test_8898():
    assert flagged(sql, 2024, assessments="""
        LAchildID | CINdetailsID | AssessmentFactors
        1         | 1            | 2A,2A
        2         | 1            | 2A,2B
        3         | 1            |
        4         | 1            | 3A,2a,2A
    """) == [2, 5]
