"""903 rule 524: A same-gender married couple with the wrong genders: the adopters' legal status (LS_ADOPTR) is L12, so the genders of adopters (SEX_ADOPTR) must be
MM or FF (a blank SEX_ADOPTR is flagged too)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("524", "ssda903", "If reporting legal status of adopters is L12 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females", tables=("ad1",), fields=("SEX_ADOPTR",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM ad1
       WHERE LS_ADOPTR = 'L12' AND coalesce(SEX_ADOPTR, '') NOT IN ('MM', 'FF')"""


def test_524():
    assert flagged(sql, 2024, ad1="""
        CHILD | LS_ADOPTR | SEX_ADOPTR
        1     | L12 | MM
        2     | L12 | MF
        3     | L12 |
        4     | L11 | MF
        5     |           | MF
    """) == [3, 4]
