"""CIN rule 8869: factor 21 means 'no factors identified', so it is the assessment's only factor."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8869", "cin", "The assessment factors code '21' cannot be used in conjunction with any other assessment "
      "factors.", tables=("assessments",), fields=("AssessmentFactors",))
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM assessments
      WHERE list_contains(AssessmentFactors, '21') AND len(list_distinct(AssessmentFactors)) > 1"""


def test_8869():
    assert flagged(sql, 2024, assessments="""
        LAchildID | CINdetailsID | AssessmentFactors
        1         | 1            | 21,2A
        2         | 1            | 21
        3         | 1            | 2A,3A
        4         | 1            |
        5         | 1            | 1A,21
    """) == [2, 6]
