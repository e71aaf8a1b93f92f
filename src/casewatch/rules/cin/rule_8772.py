"""CIN rule 8772: UPNunknown UN7 means 'referral with no further action', so every CIN episode of the child
must be a referral with no further action (ReferralNFA true; a missing flag does not count as true)."""

from casewatch.rules.cin._census import same_child
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8772", "cin", "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details "
      "is a referral going on to further action", tables=("child",), fields=("UPNunknown",))
def sql(year: int) -> str:
    return f"""SELECT c._file, c._row, c.LAchildID AS child FROM child c
      WHERE c.UPNunknown = 'UN7'
        AND EXISTS (SELECT 1 FROM cin_details d WHERE {same_child('c', 'd')} AND d.ReferralNFA IS DISTINCT FROM true)"""


def test_8772():
    assert flagged(sql, 2024, child="""
        LAchildID | UPNunknown
        1         | UN7
        2         | UN7
        3         | UN7
        4         | UN2
        5         | UN7
    """, cin_details="""
        LAchildID | CINdetailsID | ReferralNFA
        1         | 1            | 1
        1         | 2            | 1
        2         | 1            | 1
        2         | 2            | 0
        3         | 1            |
        4         | 1            | 0
    """) == [3, 4]
