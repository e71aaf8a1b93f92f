"""CIN rule 1530: characters 2-4 of a UPN are the LA that issued it: a post-April 1998 LA code or one of the
DfE's pseudo-LA codes (the DfE's list, as ranges)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged

_RANGES = ((1, 5), (201, 213), (301, 320), (330, 336), (340, 344), (350, 359), (370, 373), (380, 384),
           (390, 394), (420, 420), (660, 681), (701, 708), (800, 803), (805, 808), (810, 813), (815, 816),
           (820, 823), (825, 826), (830, 831), (835, 841), (845, 846), (850, 852), (855, 857), (860, 861),
           (865, 896), (908, 909), (916, 916), (919, 919), (921, 921), (925, 926), (928, 929), (931, 931),
           (933, 933), (935, 938), (940, 941))
LA_CODES = tuple(f"{n:03d}" for lo, hi in _RANGES for n in range(lo, hi + 1))


@rule("1530", "cin", "UPN invalid (characters 2-4 not a recognised LA code)", tables=("child",), fields=("UPN",))
def sql(year: int) -> str:
    codes = ", ".join(f"'{c}'" for c in LA_CODES)
    return f"""SELECT _file, _row, LAchildID AS child FROM child
      WHERE UPN IS NOT NULL AND substr(UPN, 2, 3) NOT IN ({codes})"""


def test_1530():
    assert flagged(sql, 2024, child="""
        LAchildID | UPN
        1         | P201123456789
        2         | A001000000001
        3         | A000000000001
        4         | A214000000001
        5         | A941000000001
        6         | A942000000001
        7         | AX01000000001
        8         |
    """) == [4, 5, 7, 8]
