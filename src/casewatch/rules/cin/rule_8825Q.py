"""CIN rule 8825Q: an episode closed after assessment (RC8, or RC9 from 2022-23) has at least one assessment."""

from casewatch.rules.cin._census import episode
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8825Q", "cin", "Please check and either amend data or provide a reason: Reason for Closure code RC8 (case "
      "closed after assessment) or RC9 (case closed after assessment, referred to early help) has been returned "
      "but there is no assessment present for the episode.", tables=("cin_details",),
      fields=("ReasonForClosure",), severity="query")
def sql(year: int) -> str:
    return f"""SELECT d._file, d._row, d._line, d.LAchildID AS child FROM cin_details d
      WHERE d.ReasonForClosure IN ('RC8', 'RC9')
        AND NOT EXISTS (SELECT 1 FROM assessments a WHERE {episode('d', 'a')})"""


def test_8825Q():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | ReasonForClosure
        1         | 1            | RC8
        1         | 2            | RC8
        2         | 1            | RC9
        3         | 1            | RC1
        4         | 1            |
    """, assessments="""
        LAchildID | CINdetailsID | AssessmentActualStartDate
        1         | 1            | 2023-05-01
        2         | 2            | 2023-05-01
    """) == [3, 4]


def test_8825Q_children_without_an_id():
    # two children with no ID, episode 1 closed RC8: the first has its assessment, the second none
    assert flagged(sql, 2024, cin_details="""
        _row | LAchildID | CINdetailsID | ReasonForClosure
        2    |           | 1            | RC8
        3    |           | 1            | RC8
    """, assessments="""
        _row | LAchildID | CINdetailsID | AssessmentActualStartDate
        2    |           | 1            | 2023-05-01
    """) == [3]
