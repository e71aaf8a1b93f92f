"""903 rule 202: the child's sex in the header differs from the sex recorded for the child in last year's return.

The 903 recoded SEX in 2024-25: 1 (male) and 2 (female) until 2023-24, M, F and U from 2024-25. casewatch
stages SEX as the file wrote it (returns/ssda903/spec.json lists 1/2 to 2024, M/F/U from 2025), so a 2024-25
return compared with 2023-24's holds 1 where last year held M... casewatch reads 1 as M and 2 as F in both
years before comparing: a recoded value is not a conflict, a changed sex is. (The DfE validator compares the
codes as written, so across the recoding it would report every child; casewatch follows the text, which is
about the gender recorded, not its code.) As in the DfE validator, a sex given in one year and blank in the
other is a conflict; blank in both is not (rule 101 reports the blank)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


def _sex(col: str) -> str:
    """The sex a code means, whatever the year's coding: 1/M male, 2/F female."""
    return f"CASE {col} WHEN '1' THEN 'M' WHEN '2' THEN 'F' ELSE {col} END"


@rule("202", "ssda903", "The gender code conflicts with the gender already recorded for this child.", tables=("header", "header_last"), fields=("SEX",))
def sql(year: int) -> str:
    return f"""SELECT h._file, h._row, h.CHILD AS child,
              'as last year: ' || string_agg(DISTINCT coalesce(l.SEX, 'blank'), ', ') AS expected
       FROM header h JOIN header_last l ON l.CHILD = h.CHILD
       WHERE {_sex('h.SEX')} IS DISTINCT FROM {_sex('l.SEX')}
       GROUP BY h._file, h._row, h.CHILD"""


def test_202_across_the_recoding():
    assert flagged(sql, 2025, header="""
        CHILD | SEX
        1     | M
        2     | F
        3     | F
        4     | M
        5     |
        6     | M
        7     |
        8     | U
        9     | F
    """, header_last="""
        CHILD | SEX
        1     | 1
        2     | 2
        3     | 1
        4     | 2
        5     | 1
        7     |
        8     | U
        9     | U
    """) == [4, 5, 6, 10]


def test_202_same_coding():
    assert flagged(sql, 2024, header="""
        CHILD | SEX
        1     | 1
        2     | 2
        3     | 1
    """, header_last="""
        CHILD | SEX
        1     | 1
        2     | 1
        3     |
    """) == [3, 4]
