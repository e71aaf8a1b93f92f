"""903 rule 514: A single adopter recorded as a couple: the adopters' legal status (LS_ADOPTR) is L0, so the genders of adopters (SEX_ADOPTR) must be
M1 or F1 (a blank SEX_ADOPTR is flagged too)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("514", "ssda903", "Data entry on the legal status of adopters shows a single adopter but data entry for the numbers of adopters shows it as a couple.", tables=("ad1",), fields=("SEX_ADOPTR",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM ad1
       WHERE LS_ADOPTR = 'L0' AND coalesce(SEX_ADOPTR, '') NOT IN ('M1', 'F1')"""


def test_514():
    assert flagged(sql, 2024, ad1="""
        CHILD | LS_ADOPTR | SEX_ADOPTR
        1     | L0 | M1
        2     | L0 | MF
        3     | L0 |
        4     | L2 | MF
        5     |           | MF
    """) == [3, 4]
