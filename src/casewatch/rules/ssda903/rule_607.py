"""903 rule 607: A girl who ceased to be looked after in the year with the mother field blank.

The DfE's text: where the child ceased to be looked after (an episode with DEC in the collection year and
a REC other than X1), not on short breaks (LS V3 or V4), and SEX is female (2 until 2023-24, F from
2024-25), MOTHER should be provided. The header row is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903.rule_612 import female
from casewatch.rules.testing import flagged


@rule("607", "ssda903", "Child ceased to be looked after in the year, but mother field has not been completed.", tables=("header", "episodes"), fields=("MOTHER",))
def sql(year: int) -> str:
    return f"""SELECT h._file, h._row, h.CHILD AS child FROM header h
       WHERE h.MOTHER IS NULL AND h.SEX = '{female(year)}'
         AND EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = h.CHILD AND e.REC IS NOT NULL AND e.REC <> 'X1'
                     AND coalesce(e.LS NOT IN ('V3', 'V4'), true)
                     AND e.DEC BETWEEN DATE '{int(year) - 1}-04-01' AND DATE '{int(year)}-03-31')"""


def test_607():
    assert flagged(sql, 2024, header="""
        CHILD | SEX | MOTHER
        1     | 2   |
        2     | 2   | 0
        3     | 2   |
        4     | 2   |
        5     | 2   |
        6     | 1   |
        7     | 2   |
    """, episodes="""
        CHILD | DECOM      | DEC        | REC | LS
        1     | 01/04/2022 | 01/06/2023 | E4A | C2
        2     | 01/04/2022 | 01/06/2023 | E4A | C2
        3     | 01/04/2022 | 01/06/2023 | E4A | V3
        4     | 01/04/2022 | 01/06/2022 | E4A | C2
        5     | 01/04/2022 | 01/06/2023 | X1  | C2
        6     | 01/04/2022 | 01/06/2023 | E4A | C2
    """) == [2]


def test_607_from_2024_25():
    assert flagged(sql, 2025, header="""
        CHILD | SEX | MOTHER
        1     | F   |
        2     | M   |
    """, episodes="""
        CHILD | DECOM      | DEC        | REC | LS
        1     | 01/04/2023 | 01/06/2024 | E4A | C2
        2     | 01/04/2023 | 01/06/2024 | E4A | C2
    """) == [2]
