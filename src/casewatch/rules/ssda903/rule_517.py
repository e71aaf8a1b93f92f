"""903 rule 517: An unmarried different-gender couple with the wrong genders: the adopters' legal status (LS_ADOPTR) is L3, so the genders of adopters (SEX_ADOPTR) must be
MF (a blank SEX_ADOPTR is flagged too)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("517", "ssda903", "If reporting legal status of adopters is L3 then the genders of adopters should be coded as MF. MF = the adopting couple are male and female.", tables=("ad1",), fields=("SEX_ADOPTR",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM ad1
       WHERE LS_ADOPTR = 'L3' AND coalesce(SEX_ADOPTR, '') NOT IN ('MF')"""


def test_517():
    assert flagged(sql, 2024, ad1="""
        CHILD | LS_ADOPTR | SEX_ADOPTR
        1     | L3 | MF
        2     | L3 | MM
        3     | L3 |
        4     | L4 | MM
        5     |           | MM
    """) == [3, 4]
