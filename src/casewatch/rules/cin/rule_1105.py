"""CIN rule 1105: a child protection plan starts on or after its episode's referral date."""

from casewatch.rules.cin._census import episode
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("1105", "cin", "The child protection plan start date cannot be before the referral date",
      tables=("cp_plans",), fields=("CPPstartDate",))
def sql(year: int) -> str:
    return f"""SELECT p._file, p._row, p._line, p.LAchildID AS child FROM cp_plans p
      JOIN cin_details d ON {episode('p', 'd')}
      WHERE p.CPPstartDate < d.CINreferralDate"""


def test_1105():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate
        1         | 1            | 2023-05-10
        1         | 2            | 2023-04-10
        2         | 1            |
    """, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate
        1         | 1            | 2023-05-09
        1         | 1            | 2023-05-10
        1         | 2            | 2023-05-09
        1         | 1            |
        2         | 1            | 2023-05-09
    """) == [2]
