"""CIN rule 8832: Child protection plans on a referral marked no further action."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8832", "cin", "Child Protection details provided for a referral with no further action.", tables=("cp_plans", "cin_details"), fields=("CPPstartDate",))
def sql(year: int) -> str:
    return """SELECT t._file, t._row, t._line, t.LAchildID AS child FROM cp_plans t JOIN cin_details d ON d._file = t._file AND d.LAchildID = t.LAchildID AND d.CINdetailsID = t.CINdetailsID WHERE d.ReferralNFA"""


def test_8832():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | ReferralNFA
        1         | 1            | 1
        2         | 1            | 0
    """, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate
        1         | 1            | 2023-05-09
        2         | 1            | 2023-05-10
    """) == [2]
