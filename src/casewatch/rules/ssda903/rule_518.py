"""903 rule 518: An unmarried same-gender couple with the wrong genders: the adopters' legal status (LS_ADOPTR) is L4, so the genders of adopters (SEX_ADOPTR) must be
MM or FF (a blank SEX_ADOPTR is flagged too)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("518", "ssda903", "If reporting legal status of adopters is L4 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females.", tables=("ad1",), fields=("SEX_ADOPTR",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM ad1
       WHERE LS_ADOPTR = 'L4' AND coalesce(SEX_ADOPTR, '') NOT IN ('MM', 'FF')"""


def test_518():
    assert flagged(sql, 2024, ad1="""
        CHILD | LS_ADOPTR | SEX_ADOPTR
        1     | L4 | MM
        2     | L4 | MF
        3     | L4 |
        4     | L3 | MF
        5     |           | MF
    """) == [3, 4]
