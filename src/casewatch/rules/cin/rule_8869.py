"""CIN rule 8869: Factor 21 (no factors identified) with other factors."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8869", "cin", "The assessment factors code 21 cannot be used in conjunction with any other assessment factors.", tables=("assessments",), fields=("AssessmentFactors",))
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM assessments WHERE list_contains(AssessmentFactors, '21') AND len(AssessmentFactors) > 1"""


def test_8869():
    assert flagged(sql, 2024, assessments="""
        LAchildID | CINdetailsID | AssessmentFactors
        1         | 1            | 21,2A
        2         | 1            | 21
    """) == [2]
