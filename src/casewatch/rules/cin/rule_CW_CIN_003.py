"""CIN rule CW-CIN-003: a UPN is 13 characters (the XSD's pattern: a letter, 11 digits, a digit or a letter).

The DfE's rules 1510-1550 check the characters of a 13-character UPN; the length itself is left to the XSD,
which casewatch only applies with --xsd. A UPN of the wrong length cannot be matched to the school census.
"""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("CW-CIN-003", "cin", "UPN invalid (not 13 characters).", tables=("child",), fields=("UPN",))
def sql(year: int) -> str:
    return "SELECT _file, _row, LAchildID AS child FROM child WHERE length(UPN) <> 13"


def test_CW_CIN_003():
    assert flagged(sql, 2024, child="""
        LAchildID | UPN
        1         | P201123456789
        2         | P20112345678
        3         | P2011234567890
        4         |
    """) == [3, 4]
