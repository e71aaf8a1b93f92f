"""903 rule 203: the child's date of birth in the header differs from the one in last year's return.

As in the DfE validator, a date given in one year and blank (or not a date) in the other is a disagreement;
blank in both years is not (other rules report the blank)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("203", "ssda903", "Date of birth disagrees with the date of birth already recorded for this child.", tables=("header", "header_last"), fields=("DOB",))
def sql(year: int) -> str:
    return """SELECT h._file, h._row, h.CHILD AS child,
              'as last year: ' || string_agg(DISTINCT coalesce(strftime(l.DOB, '%d/%m/%Y'), 'blank'), ', ') AS expected
       FROM header h JOIN header_last l ON l.CHILD = h.CHILD
       WHERE h.DOB IS DISTINCT FROM l.DOB
       GROUP BY h._file, h._row, h.CHILD"""


def test_203():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 16/03/2020
        2     | 23/09/2016
        3     | 31/12/2019
        4     |
        5     | 10/08/2014
        6     |
        7     | 20/01/2017
        8     | !31/06/2020
    """, header_last="""
        CHILD | DOB
        1     | 16/03/2020
        2     | 22/09/2016
        3     | 2019-12-31
        4     |
        6     | 04/06/2017
        7     |
        8     | 30/06/2020
    """) == [3, 7, 8, 9]
