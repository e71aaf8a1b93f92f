"""CIN rule 8867: when a CIN episode is closed, every assessment in it has been completed (authorised); each
open <Assessments> is flagged."""

from casewatch.rules.cin._census import episode
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8867", "cin", "CIN episode is shown as closed, however Assessment is not shown as completed",
      tables=("assessments",), fields=("AssessmentAuthorisationDate",))
def sql(year: int) -> str:
    return f"""SELECT a._file, a._row, a._line, a.LAchildID AS child FROM assessments a
      WHERE a.AssessmentAuthorisationDate IS NULL
        AND EXISTS (SELECT 1 FROM cin_details d WHERE {episode('a', 'd')} AND d.CINclosureDate IS NOT NULL)"""


def test_8867():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINclosureDate
        1         | 1            | 2023-09-01
        1         | 2            |
    """, assessments="""
        LAchildID | CINdetailsID | AssessmentActualStartDate | AssessmentAuthorisationDate
        1         | 1            | 2023-08-01                | 2023-08-20
        1         | 1            | 2023-08-01                |
        1         | 2            | 2023-08-01                |
        2         | 1            | 2023-08-01                |
    """) == [3]
