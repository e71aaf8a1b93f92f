"""903 rule 511: Two adopters (NB_ADOPTR 2) whose genders (SEX_ADOPTR) are not those of a couple.

The DfE's text: with two adopters the code should ONLY be MM, FF or MF. The DfE's validator flags only the
single-adopter codes M1 and F1; casewatch follows the text and flags any other code, blank included."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("511", "ssda903", "If reporting that the number of person(s) adopting the looked after child is two adopters then the code should only be MM, FF or MF. MM = the adopting couple are both males; FF = the adopting couple are both females; MF = The adopting couple are male and female.", tables=("ad1",), fields=("SEX_ADOPTR",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM ad1
       WHERE NB_ADOPTR = 2 AND coalesce(SEX_ADOPTR, '') NOT IN ('MM', 'FF', 'MF')"""


def test_511():
    assert flagged(sql, 2024, ad1="""
        CHILD | NB_ADOPTR | SEX_ADOPTR
        1     | 2         | MM
        2     | 2         | MF
        3     | 2         | M1
        4     | 2         | F1
        5     | 1         | F1
        6     | 2         |
        7     | 1         | MF
    """) == [4, 5, 7]
