"""CIN rule 8736: An assessment still open at the end of the year must have started within it."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8736", "cin", "For an Assessment that has not been completed, the start date must fall within the census year", tables=("assessments",), fields=("AssessmentActualStartDate",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, _line, LAchildID AS child FROM assessments WHERE AssessmentAuthorisationDate IS NULL AND AssessmentActualStartDate < make_date({year} - 1, 4, 1)"""


def test_8736():
    assert flagged(sql, 2024, assessments="""
        LAchildID | CINdetailsID | AssessmentActualStartDate | AssessmentAuthorisationDate
        1         | 1            | 2023-03-31                |
        2         | 1            | 2023-04-01                |
        3         | 1            | 2023-03-31                | 2023-05-01
    """) == [2]
