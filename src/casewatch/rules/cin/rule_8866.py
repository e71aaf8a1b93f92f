"""CIN rule 8866: the source of referral is a valid code for the year (5D from 2022-23), and must be present for
a referral on or after 1 April 2013. An invalid code is flagged whatever the referral date."""

from casewatch.returns.cin.spec import codes
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8866", "cin", "Source of Referral is missing or an invalid code", tables=("cin_details",),
      fields=("ReferralSource",))
def sql(year: int) -> str:
    valid = ", ".join(f"'{c}'" for c in codes(year, "ReferralSource") or ())
    return f"""SELECT _file, _row, _line, LAchildID AS child FROM cin_details
      WHERE ReferralSource NOT IN ({valid})
         OR (ReferralSource IS NULL AND CINreferralDate >= DATE '2013-04-01')"""


def test_8866():
    table = """
        LAchildID | CINdetailsID | CINreferralDate | ReferralSource
        1         | 1            | 2023-05-01      | 1A
        2         | 1            | 2023-05-01      | 5D
        3         | 1            | 2013-04-01      |
        4         | 1            | 2013-03-31      |
        5         | 1            | 2013-03-31      | 11
        6         | 1            |                 |
    """
    assert flagged(sql, 2022, cin_details=table) == [3, 4, 6]
    assert flagged(sql, 2023, cin_details=table) == [4, 6]
