"""903 rule 560: the date of a decision to place for adoption that was still in force at the end of last year
is not the date recorded this year.

The DfE's text: if last year's DATE_PLACED was given and its DATE_PLACED_CEASED was blank, this year's
DATE_PLACED should be the same. A child may have more than one decision: casewatch flags the child's rows this
year when none of them carries the date of last year's open decision (the DfE validator compares every pair of
rows, so it would flag a child's new decision even when the old one is reported again too)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("560", "ssda903", "Date of decision that the child should be placed for adoption this year is different from that recorded last year but the decision to place the child for adoption did not change.", tables=("placed_adoption", "placed_adoption_last"), fields=("DATE_PLACED",))
def sql(year: int) -> str:
    return """SELECT p._file, p._row, p.CHILD AS child,
              'as last year: ' || string_agg(DISTINCT strftime(l.DATE_PLACED, '%d/%m/%Y'), ', ') AS expected
       FROM placed_adoption p JOIN placed_adoption_last l ON l.CHILD = p.CHILD
       WHERE l.DATE_PLACED IS NOT NULL AND l.DATE_PLACED_CEASED IS NULL
         AND NOT EXISTS (SELECT 1 FROM placed_adoption q WHERE q.CHILD = l.CHILD AND q.DATE_PLACED = l.DATE_PLACED)
       GROUP BY p._file, p._row, p.CHILD"""


def test_560():
    assert flagged(sql, 2024, placed_adoption="""
        CHILD | DATE_PLACED | DATE_PLACED_CEASED
        1     | 26/05/2022  |
        2     | 27/05/2022  |
        3     | 26/05/2022  |
        4     |             |
        5     | 01/06/2023  |
        5     | 26/05/2022  | 01/06/2023
        6     | 01/06/2023  |
        7     | 01/06/2023  |
    """, placed_adoption_last="""
        CHILD | DATE_PLACED | DATE_PLACED_CEASED
        1     | 26/05/2022  |
        2     | 26/05/2022  |
        3     | 01/01/2022  | 01/03/2023
        4     | 26/05/2022  |
        5     | 26/05/2022  |
        6     | 26/05/2022  | 01/03/2023
        7     |             |
    """) == [3, 5]
