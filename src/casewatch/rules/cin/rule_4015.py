"""CIN rule 4015: cin_plans.CINPlanStartDate before the referral of its CIN episode."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("4015", "cin", "The CIN Plan start date cannot be before the referral date", tables=("cin_plans", "cin_details"), fields=("CINPlanStartDate",), since=2022)
def sql(year: int) -> str:
    return """SELECT t._file, t._row, t._line, t.LAchildID AS child FROM cin_plans t JOIN cin_details d ON d._file = t._file AND d.LAchildID = t.LAchildID AND d.CINdetailsID = t.CINdetailsID WHERE t.CINPlanStartDate < d.CINreferralDate"""


def test_4015():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate
        1         | 1            | 2023-05-10
    """, cin_plans="""
        LAchildID | CINdetailsID | CINPlanStartDate
        1         | 1            | 2023-05-09
        1         | 1            | 2023-05-10
    """) == [2]
