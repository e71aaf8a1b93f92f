"""CIN rule 1540: characters 5-12 of a UPN are digits. Checked on UPNs of at least 12 characters; a shorter
one is CW-CIN-003's (wrong length), not reported twice."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("1540", "cin", "UPN invalid (characters 5-12 not all numeric)", tables=("child",), fields=("UPN",))
def sql(year: int) -> str:
    return """SELECT _file, _row, LAchildID AS child FROM child
      WHERE length(UPN) >= 12 AND NOT regexp_full_match(substr(UPN, 5, 8), '[0-9]{8}')"""


def test_1540():
    assert flagged(sql, 2024, child="""
        LAchildID | UPN
        1         | P201123456789
        2         | P2011234567X9
        3         | P201X23456789
        4         | PABC123456789
        5         | P20112345
        6         |
    """) == [3, 4]
