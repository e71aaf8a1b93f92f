"""CIN rule 8863Q: within one CIN episode an assessment does not start while another is under way: its start
must not fall on or between another assessment's start and its authorisation date (or the ReferenceDate
when that one is still open). Two assessments starting the same day are both flagged."""

from casewatch.rules.cin._census import episode, ref
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8863Q", "cin", "An Assessment is shown as starting when there is another Assessment ongoing.",
      tables=("assessments",), fields=("AssessmentActualStartDate",), severity="query")
def sql(year: int) -> str:
    return f"""SELECT a._file, a._row, a._line, a.LAchildID AS child FROM assessments a
      WHERE EXISTS (
        SELECT 1 FROM assessments o WHERE {episode('a', 'o')} AND o._line <> a._line
          AND a.AssessmentActualStartDate BETWEEN o.AssessmentActualStartDate
                                              AND coalesce(o.AssessmentAuthorisationDate, {ref(year)}))"""


def test_8863Q():
    assert flagged(sql, 2024, assessments="""
        LAchildID | CINdetailsID | AssessmentActualStartDate | AssessmentAuthorisationDate
        1         | 1            | 2023-05-01                | 2023-06-01
        1         | 1            | 2023-06-01                | 2023-06-20
        1         | 2            | 2023-05-10                |
        2         | 1            | 2023-05-01                | 2023-05-31
        2         | 1            | 2023-06-01                |
        3         | 1            | 2023-05-01                |
        3         | 1            | 2024-03-31                |
        4         | 1            | 2023-05-01                | 2023-05-02
        4         | 1            | 2023-05-01                | 2023-05-03
        5         | 1            |                           |
        5         | 1            | 2023-05-01                |
    """) == [3, 8, 9, 10]
