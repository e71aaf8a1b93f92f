"""CIN rule 8816: an open CIN episode that went on to further action (no closure date, ReferralNFA false) is the
child's latest: no other episode of the child has a later referral date. The open episode is flagged."""

from casewatch.rules.cin._census import same_child
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8816", "cin", "An open CIN episode is shown and case is not a referral with no further action, but it is "
      "not the latest episode.", tables=("cin_details",), fields=("CINreferralDate",))
def sql(year: int) -> str:
    return f"""SELECT d._file, d._row, d._line, d.LAchildID AS child FROM cin_details d
      WHERE d.CINclosureDate IS NULL AND d.ReferralNFA = false
        AND EXISTS (SELECT 1 FROM cin_details o WHERE {same_child('d', 'o')}
                    AND o.CINreferralDate > d.CINreferralDate)"""


def test_8816():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate | CINclosureDate | ReferralNFA
        1         | 1            | 2023-05-01      |                | 0
        1         | 2            | 2023-06-01      | 2023-06-01     | 1
        2         | 1            | 2023-05-01      | 2023-05-20     | 0
        2         | 2            | 2023-06-01      |                | 0
        3         | 1            | 2023-05-01      |                | 0
        3         | 2            | 2023-05-01      | 2023-05-01     | 1
        4         | 1            |                 |                | 0
        4         | 2            | 2023-06-01      |                | 1
    """) == [2]
