"""CIN rule 2991Q: a section 47 enquiry comes with an assessment in the same CIN episode."""

from casewatch.rules.cin._census import episode
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("2991Q", "cin", "Please check and either amend data or provide a reason: A Section 47 module is recorded "
      "and there is no assessment on the episode", tables=("section47",), fields=("S47ActualStartDate",),
      severity="query")
def sql(year: int) -> str:
    return f"""SELECT s._file, s._row, s._line, s.LAchildID AS child FROM section47 s
      WHERE NOT EXISTS (SELECT 1 FROM assessments a WHERE {episode('s', 'a')})"""


def test_2991Q():
    assert flagged(sql, 2024, section47="""
        LAchildID | CINdetailsID | S47ActualStartDate
        1         | 1            | 2023-05-01
        1         | 2            | 2023-05-01
        2         | 1            |
    """, assessments="""
        LAchildID | CINdetailsID | AssessmentActualStartDate
        1         | 1            | 2023-05-01
        3         | 1            | 2023-05-01
    """) == [3, 4]


def test_2991Q_children_without_an_id():
    assert flagged(sql, 2024, section47="""
        _row | LAchildID | CINdetailsID | S47ActualStartDate
        2    |           | 1            | 2023-05-01
        3    |           | 1            | 2023-05-01
    """, assessments="""
        _row | LAchildID | CINdetailsID | AssessmentActualStartDate
        2    |           | 1            | 2023-05-01
    """) == [3]
