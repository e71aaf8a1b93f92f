"""903 rule 626: a child recorded as a mother this year (MOTHER 1) whose first child was born before this year,
though last year's return recorded her as not a mother (MOTHER 0).

A blank MOTHER last year is not a contradiction (the DfE validator's reading), nor is a blank or unreadable
MC_DOB this year."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("626", "ssda903", "Child was reported as a mother but the date of birth of the first child is before the current year which contradicts with the mother status recorded last year.", tables=("header", "header_last"), fields=("MOTHER",))
def sql(year: int) -> str:
    return f"""SELECT h._file, h._row, h.CHILD AS child FROM header h
       WHERE h.MOTHER = '1' AND h.MC_DOB < DATE '{year - 1}-04-01'
         AND EXISTS (SELECT 1 FROM header_last l WHERE l.CHILD = h.CHILD AND l.MOTHER = '0')"""


def test_626():
    assert flagged(sql, 2024, header="""
        CHILD | MOTHER | MC_DOB
        1     | 1      |
        2     | 1      | 04/01/2023
        3     | 0      |
        4     | 1      | 01/04/2023
        5     | 1      | 31/03/2023
        6     | 1      | 01/01/2022
        7     | 1      | 01/01/2022
    """, header_last="""
        CHILD | MOTHER
        1     | 1
        2     | 0
        3     | 1
        4     | 0
        5     | 0
        6     |
    """) == [3, 6]
