"""CIN rule 4000: a referral with no further action (ReferralNFA true) has no CIN plan; each <CINPlanDates>
under it is flagged. CIN plans are in the census from 2021-22."""

from casewatch.rules.cin._census import episode
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("4000", "cin", "CIN Plan details provided for a referral with no further action", tables=("cin_plans",),
      fields=("CINPlanStartDate",), since=2022)
def sql(year: int) -> str:
    return f"""SELECT p._file, p._row, p._line, p.LAchildID AS child FROM cin_plans p
      WHERE EXISTS (SELECT 1 FROM cin_details d WHERE {episode('p', 'd')} AND d.ReferralNFA)"""


def test_4000():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | ReferralNFA
        1         | 1            | 1
        1         | 2            | 0
        2         | 1            |
    """, cin_plans="""
        LAchildID | CINdetailsID | CINPlanStartDate
        1         | 1            | 2023-05-09
        1         | 2            | 2023-05-10
        2         | 1            | 2023-05-10
    """) == [2]
