"""903 rule 601: A child adopted in the year (an episode ending in the year with REC E11 or E12) whose AD1
row lacks any of DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR. The AD1 row is
flagged. (An adopted child with no AD1 row at all is not judged here, as the DfE's validator does.)"""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("601", "ssda903", "The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year.", tables=("ad1", "episodes"), fields=("DATE_INT",))
def sql(year: int) -> str:
    return f"""SELECT a._file, a._row, a.CHILD AS child FROM ad1 a
       WHERE (a.DATE_INT IS NULL OR a.DATE_MATCH IS NULL OR a.FOSTER_CARE IS NULL OR a.NB_ADOPTR IS NULL
              OR a.SEX_ADOPTR IS NULL OR a.LS_ADOPTR IS NULL)
         AND EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = a.CHILD AND e.REC IN ('E11', 'E12')
                     AND e.DEC BETWEEN DATE '{int(year) - 1}-04-01' AND DATE '{int(year)}-03-31')"""


def test_601():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | REC
        1     | 01/05/2022 | 01/06/2023 | E11
        2     | 01/05/2022 | 01/06/2023 | E12
        3     | 01/05/2022 | 01/06/2022 | E11
        4     | 01/05/2022 | 01/06/2023 | E4A
    """, ad1="""
        CHILD | DATE_INT   | DATE_MATCH | FOSTER_CARE | NB_ADOPTR | SEX_ADOPTR | LS_ADOPTR
        1     | 01/01/2023 | 01/02/2023 | 0           | 2         | MF         | L11
        2     | 01/01/2023 |            | 0           | 2         | MF         | L11
        3     | 01/01/2023 |            | 0           | 2         | MF         | L11
        4     | 01/01/2023 |            | 0           | 2         | MF         | L11
    """) == [3]
