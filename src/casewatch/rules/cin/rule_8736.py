"""CIN rule 8736: an assessment not yet completed (no authorisation date) started within the census year: one
started before 1 April would have been completed or carried forward, one after 31 March is in the future."""

from casewatch.rules.cin._census import ref, start
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8736", "cin", "For an Assessment that has not been completed, the start date must fall within the census "
      "year", tables=("assessments",), fields=("AssessmentActualStartDate",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, _line, LAchildID AS child FROM assessments
      WHERE AssessmentAuthorisationDate IS NULL
        AND (AssessmentActualStartDate < {start(year)} OR AssessmentActualStartDate > {ref(year)})"""


def test_8736():
    assert flagged(sql, 2024, assessments="""
        LAchildID | CINdetailsID | AssessmentActualStartDate | AssessmentAuthorisationDate
        1         | 1            | 2023-03-31                |
        2         | 1            | 2023-04-01                |
        3         | 1            | 2024-03-31                |
        4         | 1            | 2024-04-01                |
        5         | 1            | 2023-03-31                | 2023-05-01
        6         | 1            |                           |
    """) == [2, 5]
