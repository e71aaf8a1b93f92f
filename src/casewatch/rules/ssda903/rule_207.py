"""903 rule 207: a child recorded as a mother (MOTHER 1) last year is not recorded as a mother this year.

Once a mother, always one: the DfE validator (whose reading casewatch follows) only judges a child in both
years' headers who has an episode in this year's return and was MOTHER 1 last year; this year's MOTHER must be 1
again (0 or blank disagree). A change from 0 to 1 is a new child, not a disagreement."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("207", "ssda903", "Mother status for the current year disagrees with the mother status already recorded for this child.", tables=("header", "header_last", "episodes"), fields=("MOTHER",))
def sql(year: int) -> str:
    return """SELECT h._file, h._row, h.CHILD AS child, 'as last year: 1' AS expected FROM header h
       WHERE h.MOTHER IS DISTINCT FROM '1'
         AND EXISTS (SELECT 1 FROM header_last l WHERE l.CHILD = h.CHILD AND l.MOTHER = '1')
         AND EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = h.CHILD)"""


def test_207():
    assert flagged(sql, 2024, header="""
        CHILD | MOTHER
        1     | 1
        2     | 0
        3     |
        4     | 1
        5     | 0
        6     | 0
        7     | 0
    """, header_last="""
        CHILD | MOTHER
        1     | 1
        2     | 1
        3     | 1
        4     | 0
        5     |
        6     | 1
    """, episodes="""
        CHILD | DECOM
        1     | 01/05/2023
        2     | 01/05/2023
        3     | 01/05/2023
        4     | 01/05/2023
        5     | 01/05/2023
        7     | 01/05/2023
    """) == [3, 4]
