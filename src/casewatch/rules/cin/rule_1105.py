"""CIN rule 1105: cp_plans.CPPstartDate before the referral of its CIN episode."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("1105", "cin", "The child protection plan start date cannot be before the referral date", tables=("cp_plans", "cin_details"), fields=("CPPstartDate",))
def sql(year: int) -> str:
    return """SELECT t._file, t._row, t._line, t.LAchildID AS child FROM cp_plans t JOIN cin_details d ON d._file = t._file AND d.LAchildID = t.LAchildID AND d.CINdetailsID = t.CINdetailsID WHERE t.CPPstartDate < d.CINreferralDate"""


def test_1105():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate
        1         | 1            | 2023-05-10
    """, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate
        1         | 1            | 2023-05-09
        1         | 1            | 2023-05-10
    """) == [2]
