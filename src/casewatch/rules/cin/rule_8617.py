"""CIN rule 8617: assessment factor 8A is no longer a code (withdrawn before 2016-17; 8B-8F replaced it).
The DfE retired this rule after 2021-22, when 8A was simply an invalid code (rule 8897Q)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8617", "cin", "Code 8A has been returned. This code is not a valid code.", tables=("assessments",),
      fields=("AssessmentFactors",), until=2022)
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM assessments
      WHERE list_contains(AssessmentFactors, '8A')"""


def test_8617():
    assert flagged(sql, 2022, assessments="""
        LAchildID | CINdetailsID | AssessmentFactors
        1         | 1            | 8A
        2         | 1            | 8B,2A
        3         | 1            | 2A,8a
        4         | 1            |
    """) == [2, 4]
    assert not sql.applies(2023)
