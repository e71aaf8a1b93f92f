"""CIN rule 8873Q: when an episode's only assessment found no factors (code 21), the episode should close as
RC8 (no further action) or RC9 (referred to early help). An episode still open counts as not RC8/RC9, as the
DfE words it; the episode is flagged."""

from casewatch.rules.cin._census import episode
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8873Q", "cin", "Please check and either amend data or provide a reason: When there is only one assessment "
      "on the episode and the factors code '21 No factors identified' has been used for the completed "
      "assessment, the reason for closure 'RC8' or 'RC9' should be used.", tables=("cin_details",),
      fields=("ReasonForClosure",), severity="query")
def sql(year: int) -> str:
    return f"""SELECT d._file, d._row, d._line, d.LAchildID AS child FROM cin_details d
      JOIN (SELECT _file, _row, CINdetailsID, count(*) AS n,
                   bool_or(list_contains(AssessmentFactors, '21')) AS no_factors
            FROM assessments GROUP BY ALL) a ON {episode('d', 'a')}
      WHERE a.n = 1 AND a.no_factors AND d.ReasonForClosure IS DISTINCT FROM 'RC8'
        AND d.ReasonForClosure IS DISTINCT FROM 'RC9'"""


def test_8873Q():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | ReasonForClosure
        1         | 1            | RC8
        2         | 1            | RC1
        3         | 1            |
        4         | 1            | RC1
        5         | 1            | RC1
        6         | 1            | RC1
    """, assessments="""
        LAchildID | CINdetailsID | AssessmentFactors
        1         | 1            | 21
        2         | 1            | 21
        3         | 1            | 21
        4         | 1            | 21
        4         | 1            | 2A
        5         | 1            | 2A,3A
        6         | 1            |
    """) == [3, 4]


def test_8873Q_children_without_an_id():
    # each child with no ID has one assessment with no factors in its episode, and closed it RC1
    assert flagged(sql, 2024, cin_details="""
        _row | LAchildID | CINdetailsID | ReasonForClosure
        2    |           | 1            | RC1
        3    |           | 1            | RC1
    """, assessments="""
        _row | LAchildID | CINdetailsID | AssessmentFactors
        2    |           | 1            | 21
        3    |           | 1            | 21
    """) == [2, 3]
