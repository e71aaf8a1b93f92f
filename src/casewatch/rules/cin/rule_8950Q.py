"""CIN rule 8950Q: from 2024-25 factor 19A (sexual abuse) should not be used: 19B (by an adult) or 19C (by
another child) says who. Added by the DfE in 2024-25."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8950Q", "cin", "Please check and either amend data or provide a reason: the assessment factors code '19A' "
      "should not be used ('19B' or '19C' should be used instead)", tables=("assessments",),
      fields=("AssessmentFactors",), severity="query", since=2025)
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM assessments
      WHERE list_contains(AssessmentFactors, '19A')"""


def test_8950Q():
    assert flagged(sql, 2025, assessments="""
        LAchildID | CINdetailsID | AssessmentFactors
        1         | 1            | 19A
        2         | 1            | 19B,19C
        3         | 1            | 2A,19a
        4         | 1            |
    """) == [2, 4]
    assert not sql.applies(2024)
