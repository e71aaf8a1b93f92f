"""CIN rule 8831: a referral with no further action (ReferralNFA true) has no assessment dates, no section 47
start and no initial conference. Each element carrying one is flagged where it is: the <Assessments>, the
<Section47>, or the <CINdetails> for its own DateOfInitialCPC."""

from casewatch.rules.cin._census import episode
from casewatch.rules.engine import rule
from casewatch.rules.testing import issues


def _nfa(alias: str) -> str:
    return f"EXISTS (SELECT 1 FROM cin_details d WHERE {episode(alias, 'd')} AND d.ReferralNFA)"


@rule("8831", "cin", "Activity is recorded against a case marked as a referral with no further action",
      tables=("cin_details", "assessments", "section47"), fields=("ReferralNFA",))
def sql(year: int) -> str:
    return f"""SELECT a._file, a._row, a._line, a.LAchildID AS child, 'assessments' AS _table,
             'AssessmentActualStartDate' AS field FROM assessments a
      WHERE (a.AssessmentActualStartDate IS NOT NULL OR a.AssessmentAuthorisationDate IS NOT NULL) AND {_nfa('a')}
      UNION ALL
      SELECT s._file, s._row, s._line, s.LAchildID AS child, 'section47' AS _table,
             'S47ActualStartDate' AS field FROM section47 s
      WHERE (s.S47ActualStartDate IS NOT NULL OR s.DateOfInitialCPC IS NOT NULL) AND {_nfa('s')}
      UNION ALL
      SELECT _file, _row, _line, LAchildID AS child, 'cin_details' AS _table, 'DateOfInitialCPC' AS field
      FROM cin_details WHERE ReferralNFA AND DateOfInitialCPC IS NOT NULL"""


def test_8831():
    found = issues(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | ReferralNFA | DateOfInitialCPC
        1         | 1            | 1           |
        2         | 1            | 0           | 2023-06-01
        3         | 1            | 1           | 2023-06-01
        4         | 1            |             |
    """, assessments="""
        LAchildID | CINdetailsID | AssessmentActualStartDate | AssessmentAuthorisationDate
        1         | 1            | 2023-05-09                |
        1         | 1            |                           | 2023-05-20
        1         | 1            |                           |
        2         | 1            | 2023-05-10                |
        4         | 1            | 2023-05-10                |
    """, section47="""
        LAchildID | CINdetailsID | S47ActualStartDate | DateOfInitialCPC
        1         | 1            | 2023-05-09         |
        2         | 1            | 2023-05-09         |
    """)
    assert sorted((i.table, i.row) for i in found) == [
        ("assessments", 2), ("assessments", 3), ("cin_details", 4), ("section47", 2)]
