"""903 rule 559: a decision to place for adoption made before this year that last year's return did not hold.

The DfE's text: if DATE_PLACED is before the collection year began, last year's DATE_PLACED for the child
cannot be blank. casewatch flags this year's row when the child has no row in last year's placed-for-adoption
table with a DATE_PLACED (no row at all, as in the DfE validator, or only rows without one)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("559", "ssda903", "Date of decision that a child should be placed for adoption was not in the current year but the date of the decision that the child should be placed for adoption was not completed in a previous return.", tables=("placed_adoption", "placed_adoption_last"), fields=("DATE_PLACED",))
def sql(year: int) -> str:
    return f"""SELECT p._file, p._row, p.CHILD AS child FROM placed_adoption p
       WHERE p.DATE_PLACED < DATE '{year - 1}-04-01'
         AND NOT EXISTS (SELECT 1 FROM placed_adoption_last l WHERE l.CHILD = p.CHILD AND l.DATE_PLACED IS NOT NULL)"""


def test_559():
    assert flagged(sql, 2024, placed_adoption="""
        CHILD | DATE_PLACED
        1     | 26/05/2023
        2     | 26/05/2022
        3     |
        4     | 01/02/2016
        5     | 31/03/2023
        6     | 01/04/2023
        7     | 26/05/2022
    """, placed_adoption_last="""
        CHILD | DATE_PLACED
        2     | 26/05/2022
        3     | 26/05/2021
        4     |
        7     | 01/01/2021
    """) == [5, 6]
