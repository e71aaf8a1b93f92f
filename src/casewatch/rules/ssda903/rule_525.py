"""903 rule 525: Adoption details (AD1) for a child whose decision to be placed for adoption was reversed.

The DfE's text: where DATE_PLACED_CEASED is given, none of DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR,
SEX_ADOPTR and LS_ADOPTR should be. The AD1 row is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("525", "ssda903", "A child for whom the decision to be placed for adoption has been reversed cannot be adopted during the year.", tables=("ad1", "placed_adoption"), fields=("DATE_INT",))
def sql(year: int) -> str:
    return """SELECT a._file, a._row, a.CHILD AS child FROM ad1 a
       WHERE (a.DATE_INT IS NOT NULL OR a.DATE_MATCH IS NOT NULL OR a.FOSTER_CARE IS NOT NULL OR a.NB_ADOPTR IS NOT NULL
                OR a.SEX_ADOPTR IS NOT NULL OR a.LS_ADOPTR IS NOT NULL)
         AND EXISTS (SELECT 1 FROM placed_adoption p WHERE p.CHILD = a.CHILD AND p.DATE_PLACED_CEASED IS NOT NULL)"""


def test_525():
    assert flagged(sql, 2024, placed_adoption="""
        CHILD | DATE_PLACED | DATE_PLACED_CEASED
        1     | 01/06/2023  | 01/09/2023
        2     | 01/06/2023  |
        3     | 01/06/2023  | 01/09/2023
    """, ad1="""
        CHILD | DATE_INT   | LS_ADOPTR
        1     |            | L0
        2     | 01/06/2023 | L0
        3     |            |
    """) == [2]
