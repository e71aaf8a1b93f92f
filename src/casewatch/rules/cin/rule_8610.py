"""CIN rule 8610: a referral that led to further action (ReferralNFA false) needs its primary need code."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8610", "cin", "Primary Need code is missing for a referral which led to further action.",
      tables=("cin_details",), fields=("PrimaryNeedCode",))
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM cin_details
      WHERE ReferralNFA = false AND PrimaryNeedCode IS NULL"""


def test_8610():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | ReferralNFA | PrimaryNeedCode
        1         | 1            | 0           |
        2         | 1            | 1           |
        3         | 1            | 0           | N1
        4         | 1            |             |
    """) == [2]
