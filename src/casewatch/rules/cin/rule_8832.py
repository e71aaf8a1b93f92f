"""CIN rule 8832: a referral with no further action (ReferralNFA true) has no child protection plan; each
<ChildProtectionPlans> under it is flagged."""

from casewatch.rules.cin._census import episode
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8832", "cin", "Child Protection details provided for a referral with no further action.",
      tables=("cp_plans",), fields=("CPPstartDate",))
def sql(year: int) -> str:
    return f"""SELECT p._file, p._row, p._line, p.LAchildID AS child FROM cp_plans p
      WHERE EXISTS (SELECT 1 FROM cin_details d WHERE {episode('p', 'd')} AND d.ReferralNFA)"""


def test_8832():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | ReferralNFA
        1         | 1            | 1
        1         | 2            | 0
        2         | 1            |
    """, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate
        1         | 1            | 2023-05-09
        1         | 2            | 2023-05-10
        2         | 1            | 2023-05-10
        3         | 1            | 2023-05-10
    """) == [2]
