"""CIN rule 8945Q: from 2024-25 factor 18A (physical abuse) should not be used: 18B (by an adult) or 18C (by
another child) says who. Added by the DfE in 2024-25."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8945Q", "cin", "Please check and either amend data or provide a reason: the assessment factors code '18A' "
      "should not be used ('18B' or '18C' should be used instead)", tables=("assessments",),
      fields=("AssessmentFactors",), severity="query", since=2025)
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM assessments
      WHERE list_contains(AssessmentFactors, '18A')"""


def test_8945Q():
    assert flagged(sql, 2025, assessments="""
        LAchildID | CINdetailsID | AssessmentFactors
        1         | 1            | 18A
        2         | 1            | 18B,18C
        3         | 1            | 2A,18a
        4         | 1            |
    """) == [2, 4]
    assert not sql.applies(2024)
