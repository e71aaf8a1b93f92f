"""903 rule 520: A different-gender married couple with the wrong genders: the adopters' legal status (LS_ADOPTR) is L11, so the genders of adopters (SEX_ADOPTR) must be
MF (a blank SEX_ADOPTR is flagged too)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("520", "ssda903", "Data entry on the legal status of adopters shows different gender married couple but data entry on genders of adopters shows it as a same gender couple.", tables=("ad1",), fields=("SEX_ADOPTR",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM ad1
       WHERE LS_ADOPTR = 'L11' AND coalesce(SEX_ADOPTR, '') NOT IN ('MF')"""


def test_520():
    assert flagged(sql, 2024, ad1="""
        CHILD | LS_ADOPTR | SEX_ADOPTR
        1     | L11 | MF
        2     | L11 | FF
        3     | L11 |
        4     | L12 | FF
        5     |           | FF
    """) == [3, 4]
