"""903 rule 602: Adoption details (any AD1 field given) for a child with no episode ending in adoption
(REC E11 or E12) in the year. The AD1 row is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("602", "ssda903", "The episode data submitted for this child does not show that he/she was adopted during the year.", tables=("ad1", "episodes"), fields=("DATE_INT",))
def sql(year: int) -> str:
    return f"""SELECT a._file, a._row, a.CHILD AS child FROM ad1 a
       WHERE (a.DATE_INT IS NOT NULL OR a.DATE_MATCH IS NOT NULL OR a.FOSTER_CARE IS NOT NULL
              OR a.NB_ADOPTR IS NOT NULL OR a.SEX_ADOPTR IS NOT NULL OR a.LS_ADOPTR IS NOT NULL)
         AND NOT EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = a.CHILD AND e.REC IN ('E11', 'E12')
                         AND e.DEC BETWEEN DATE '{int(year) - 1}-04-01' AND DATE '{int(year)}-03-31')"""


def test_602():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | REC
        1     | 01/05/2022 | 01/06/2023 | E11
        2     | 01/05/2022 | 01/06/2022 | E12
        3     | 01/05/2022 | 01/06/2023 | E4A
    """, ad1="""
        CHILD | DATE_INT   | LS_ADOPTR
        1     | 01/01/2023 | L11
        2     | 01/01/2022 |
        3     |            | L0
        4     |            |
        5     | 01/01/2023 |
    """) == [3, 4, 6]
