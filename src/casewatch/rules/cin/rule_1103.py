"""CIN rule 1103: an assessment starts on or after its episode's referral date."""

from casewatch.rules.cin._census import episode
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("1103", "cin", "The assessment start date cannot be before the referral date", tables=("assessments",),
      fields=("AssessmentActualStartDate",))
def sql(year: int) -> str:
    return f"""SELECT a._file, a._row, a._line, a.LAchildID AS child FROM assessments a
      JOIN cin_details d ON {episode('a', 'd')}
      WHERE a.AssessmentActualStartDate < d.CINreferralDate"""


def test_1103():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate
        1         | 1            | 2023-05-10
        1         | 2            | 2023-04-10
        2         | 1            |
    """, assessments="""
        LAchildID | CINdetailsID | AssessmentActualStartDate
        1         | 1            | 2023-05-09
        1         | 1            | 2023-05-10
        1         | 2            | 2023-05-09
        1         | 1            |
        2         | 1            | 2023-05-09
    """) == [2]
