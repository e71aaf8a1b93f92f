"""CIN rule 8696: an assessment's authorisation (end) date falls within the census year."""

from casewatch.rules.cin._census import ref, start
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8696", "cin", "Assessment end date must fall within the census year", tables=("assessments",),
      fields=("AssessmentAuthorisationDate",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, _line, LAchildID AS child FROM assessments
      WHERE AssessmentAuthorisationDate < {start(year)} OR AssessmentAuthorisationDate > {ref(year)}"""


def test_8696():
    assert flagged(sql, 2024, assessments="""
        LAchildID | CINdetailsID | AssessmentAuthorisationDate
        1         | 1            | 2023-03-31
        2         | 1            | 2023-04-01
        3         | 1            | 2024-03-31
        4         | 1            | 2024-04-01
        5         | 1            |
    """) == [2, 5]
