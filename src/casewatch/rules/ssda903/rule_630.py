"""903 rule 630: A child who started to be looked after in the year (an episode with RNE S and DECOM on or
after 1 April) must have previous permanence information: a PrevPerm row with PREV_PERM, and, unless
PREV_PERM is Z1, LA_PERM and DATE_PERM. The episode is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("630", "ssda903", "Information on previous permanence option should be returned.", tables=("episodes", "prev_perm"), fields=("RNE",))
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child FROM episodes e
       WHERE e.RNE = 'S' AND e.DECOM >= DATE '{int(year) - 1}-04-01'
         AND NOT EXISTS (SELECT 1 FROM prev_perm p WHERE p.CHILD = e.CHILD AND p.PREV_PERM IS NOT NULL
                         AND (p.PREV_PERM = 'Z1' OR (p.LA_PERM IS NOT NULL AND p.DATE_PERM IS NOT NULL)))"""


def test_630():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE
        1     | 01/05/2023 | S
        2     | 01/05/2023 | S
        3     | 01/05/2023 | S
        4     | 01/05/2023 | S
        5     | 01/05/2023 | P
        6     | 01/05/2022 | S
        7     | 01/05/2023 | S
    """, prev_perm="""
        CHILD | PREV_PERM | LA_PERM | DATE_PERM
        1     | Z1        |         |
        2     | P1        | 800     | zz/zz/2015
        3     | P1        |         | 01/05/2015
        4     |           |         |
    """) == [4, 5, 8]
