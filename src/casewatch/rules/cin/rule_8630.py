"""CIN rule 8630: a CIN episode cannot close before it was referred. Such an episode has no usable duration and
would corrupt every count of open cases, so it is quarantined."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8630", "cin", "CIN Closure Date is before CIN Referral Date for the same CIN episode",
      tables=("cin_details",), fields=("CINclosureDate",), quarantine=True)
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM cin_details
      WHERE CINclosureDate < CINreferralDate"""


def test_8630():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate | CINclosureDate
        1         | 1            | 2023-06-02      | 2023-06-01
        2         | 1            | 2023-06-02      | 2023-06-02
        3         | 1            |                 | 2023-06-02
        4         | 1            | 2023-06-02      |
    """) == [2]
