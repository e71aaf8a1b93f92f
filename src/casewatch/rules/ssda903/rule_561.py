"""903 rule 561: a decision to place for adoption that last year's return said had ceased is reported again
this year with the same date.

The DfE's text: if this year's DATE_PLACED equals last year's, last year's DATE_PLACED_CEASED and
REASON_PLACED_CEASED should be blank."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("561", "ssda903", "Date of the decision that the child should be placed for adoption this year is the same as that recorded last year but records show that the decision changed, and the child should no longer be placed for adoption last year.", tables=("placed_adoption", "placed_adoption_last"), fields=("DATE_PLACED",))
def sql(year: int) -> str:
    return """SELECT p._file, p._row, p.CHILD AS child FROM placed_adoption p
       WHERE EXISTS (SELECT 1 FROM placed_adoption_last l WHERE l.CHILD = p.CHILD AND l.DATE_PLACED = p.DATE_PLACED
                     AND (l.DATE_PLACED_CEASED IS NOT NULL OR l.REASON_PLACED_CEASED IS NOT NULL))"""


def test_561():
    assert flagged(sql, 2024, placed_adoption="""
        CHILD | DATE_PLACED
        1     | 26/05/2022
        2     | 26/05/2022
        3     | 26/05/2022
        4     | 01/06/2023
        5     | 26/05/2022
        6     |
    """, placed_adoption_last="""
        CHILD | DATE_PLACED | DATE_PLACED_CEASED | REASON_PLACED_CEASED
        1     | 26/05/2022  |                    |
        2     | 26/05/2022  | 01/03/2023         | RD1
        3     | 26/05/2022  |                    | RD3
        4     | 26/05/2022  | 01/03/2023         | RD1
        5     | 26/05/2022  | 01/03/2023         |
        6     |             | 01/03/2023         | RD1
    """) == [3, 4, 6]
