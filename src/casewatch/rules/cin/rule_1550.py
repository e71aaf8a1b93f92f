"""CIN rule 1550: character 13 of a UPN is a digit, or (temporary UPN) a letter other than I, O and S."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("1550", "cin", "UPN invalid (character 13 not a recognised value)", tables=("child",), fields=("UPN",))
def sql(year: int) -> str:
    return """SELECT _file, _row, LAchildID AS child FROM child
      WHERE length(UPN) = 13 AND NOT regexp_full_match(upper(substr(UPN, 13, 1)), '[0-9ABCDEFGHJKLMNPQRTUVWXYZ]')"""


def test_1550():
    assert flagged(sql, 2024, child="""
        LAchildID | UPN
        1         | P201123456789
        2         | K80100000001A
        3         | K80100000001a
        4         | K80100000001I
        5         | K80100000001O
        6         | K80100000001S
        7         | K80100000001-
        8         | K80100000001
        9         |
    """) == [5, 6, 7, 8]
