"""903 rule 519: A civil partnership couple not recorded as a couple: the adopters' legal status (LS_ADOPTR) is L2, so the genders of adopters (SEX_ADOPTR) must be
MM or FF or MF (a blank SEX_ADOPTR is flagged too)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("519", "ssda903", "Data entered on the legal status of adopters shows civil partnership couple, but data entered on genders of adopters does not show it as a couple.", tables=("ad1",), fields=("SEX_ADOPTR",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM ad1
       WHERE LS_ADOPTR = 'L2' AND coalesce(SEX_ADOPTR, '') NOT IN ('MM', 'FF', 'MF')"""


def test_519():
    assert flagged(sql, 2024, ad1="""
        CHILD | LS_ADOPTR | SEX_ADOPTR
        1     | L2 | MM
        2     | L2 | F1
        3     | L2 |
        4     | L0 | F1
        5     |           | F1
    """) == [3, 4]
