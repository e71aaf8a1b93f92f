"""CIN rule 4015: a CIN plan starts on or after its episode's referral date (CIN plans from 2021-22)."""

from casewatch.rules.cin._census import episode
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("4015", "cin", "The CIN Plan start date cannot be before the referral date", tables=("cin_plans",),
      fields=("CINPlanStartDate",), since=2022)
def sql(year: int) -> str:
    return f"""SELECT n._file, n._row, n._line, n.LAchildID AS child FROM cin_plans n
      JOIN cin_details d ON {episode('n', 'd')}
      WHERE n.CINPlanStartDate < d.CINreferralDate"""


def test_4015():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate
        1         | 1            | 2023-05-10
        1         | 2            | 2023-04-10
        2         | 1            |
    """, cin_plans="""
        LAchildID | CINdetailsID | CINPlanStartDate
        1         | 1            | 2023-05-09
        1         | 1            | 2023-05-10
        1         | 2            | 2023-05-09
        1         | 1            |
        2         | 1            | 2023-05-09
    """) == [2]
