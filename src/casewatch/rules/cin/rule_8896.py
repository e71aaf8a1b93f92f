"""CIN rule 8896: within one CIN episode at most one assessment is open (no authorisation date); every open
assessment of an episode with more than one is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8896", "cin", "Within one CINDetails group there are 2 or more open Assessments groups",
      tables=("assessments",), fields=("AssessmentAuthorisationDate",))
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM (
        SELECT *, count(*) OVER (PARTITION BY _file, _row, CINdetailsID) AS open_n
        FROM assessments WHERE AssessmentAuthorisationDate IS NULL)
      WHERE open_n > 1"""


def test_8896():
    assert flagged(sql, 2024, assessments="""
        LAchildID | CINdetailsID | AssessmentActualStartDate | AssessmentAuthorisationDate
        1         | 1            | 2023-05-01                |
        1         | 1            | 2023-06-01                |
        1         | 2            | 2023-06-01                |
        2         | 1            | 2023-05-01                | 2023-05-20
        2         | 1            | 2023-06-01                |
    """) == [2, 3]


def test_8896_children_without_an_id():
    assert flagged(sql, 2024, assessments="""
        _row | LAchildID | CINdetailsID | AssessmentActualStartDate | AssessmentAuthorisationDate
        2    |           | 1            | 2023-05-01                |
        3    |           | 1            | 2023-06-01                |
    """) == []
