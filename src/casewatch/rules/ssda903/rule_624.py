"""903 rule 624: the date of birth of the mother's first child (MC_DOB) differs from the one recorded last year.

As in the DfE validator, a child whose MC_DOB was given last year must have the same MC_DOB this year (a blank
this year disagrees); a blank last year is not judged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("624", "ssda903", "Date of birth of the first child contradicts the date of birth of the first child previously recorded.", tables=("header", "header_last"), fields=("MC_DOB",))
def sql(year: int) -> str:
    return """SELECT h._file, h._row, h.CHILD AS child,
              'as last year: ' || string_agg(DISTINCT strftime(l.MC_DOB, '%d/%m/%Y'), ', ') AS expected
       FROM header h JOIN header_last l ON l.CHILD = h.CHILD
       WHERE l.MC_DOB IS NOT NULL AND h.MC_DOB IS DISTINCT FROM l.MC_DOB
       GROUP BY h._file, h._row, h.CHILD"""


def test_624():
    assert flagged(sql, 2024, header="""
        CHILD | MC_DOB
        1     | 01/06/2020
        2     | 04/06/2020
        3     |
        4     | 08/09/2020
        5     |
        6     | 01/02/2020
        7     | 01/02/2020
    """, header_last="""
        CHILD | MC_DOB
        1     | 01/06/2020
        2     | 2020-06-04
        3     | 01/06/2019
        4     | 10/09/2020
        5     |
        6     |
    """) == [4, 5]
