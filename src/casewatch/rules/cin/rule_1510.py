"""CIN rule 1510: the first character of a UPN is a check letter over characters 2-13.

The DfE's UPN guide: multiply character i (i = 2..13) by weight i, sum, take the remainder mod 23 and read
the letter off ABCDEFGHJKLMNPQRTUVWXYZ (0 = A ... 22 = Z). In a temporary UPN character 13 is a letter; it
counts as its position in the same table. Only UPNs of the right shape are checked here: the length is
CW-CIN-003's, characters 5-12 are 1540's and character 13 is 1550's.
"""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged

LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


@rule("1510", "cin", "UPN invalid (wrong check letter at character 1)", tables=("child",), fields=("UPN",))
def sql(year: int) -> str:
    digits = " + ".join(f"{i} * CAST(substr(upn, {i}, 1) AS INTEGER)" for i in range(2, 13))
    last = f"13 * coalesce(TRY_CAST(substr(upn, 13, 1) AS INTEGER), strpos('{LETTERS}', substr(upn, 13, 1)) - 1)"
    return f"""SELECT _file, _row, LAchildID AS child FROM (
        SELECT _file, _row, LAchildID, upper(UPN) AS upn FROM child
        WHERE regexp_full_match(upper(UPN), '[A-Z][0-9]{{11}}[0-9{LETTERS}]'))
      WHERE substr(upn, 1, 1) <> substr('{LETTERS}', (({digits} + {last}) % 23) + 1, 1)"""


def test_1510():
    assert flagged(sql, 2024, child="""
        LAchildID | UPN
        1         | P201123456789
        2         | A201123456789
        3         | p201123456789
        4         | D938000000001
        5         | K80100000001A
        6         | A80100000001A
        7         | Z80100000001B
        8         | Q00100000000Z
        9         |
        10        | P2011234567
        11        | P20112345678I
    """) == [3, 7]
