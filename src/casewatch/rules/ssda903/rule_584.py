"""903 rule 584: a decision to place for adoption that last year's return said had ceased, and this year's
DATE_PLACED is not later than it.

The DfE's text (quoted in its validator): if last year's DATE_PLACED was given and its DATE_PLACED_CEASED
and/or REASON_PLACED_CEASED is not blank, this year's DATE_PLACED must be after last year's. A blank this year
fails it (as in the DfE validator). The DfE validator compares the dates as dd/mm/yyyy text and reports the
rows by their position in a merged table rather than in the file; casewatch compares dates and flags the row."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("584", "ssda903", "Date of decision that the child should be placed for adoption this year is different from that recorded last year, but the decision to placed the child for adoption changed and the child should no longer be placed for adoption.", tables=("placed_adoption", "placed_adoption_last"), fields=("DATE_PLACED",))
def sql(year: int) -> str:
    return """SELECT p._file, p._row, p.CHILD AS child,
              'after ' || strftime(max(l.DATE_PLACED), '%d/%m/%Y') AS expected
       FROM placed_adoption p JOIN placed_adoption_last l ON l.CHILD = p.CHILD
       WHERE l.DATE_PLACED IS NOT NULL AND (l.DATE_PLACED_CEASED IS NOT NULL OR l.REASON_PLACED_CEASED IS NOT NULL)
         AND (p.DATE_PLACED IS NULL OR p.DATE_PLACED <= l.DATE_PLACED)
       GROUP BY p._file, p._row, p.CHILD"""


def test_584():
    assert flagged(sql, 2024, placed_adoption="""
        CHILD | DATE_PLACED
        1     | 26/05/2022
        2     | 01/06/2023
        3     | 25/05/2022
        4     |
        5     | 01/02/2022
        6     | 26/05/2022
        7     | 01/06/2023
    """, placed_adoption_last="""
        CHILD | DATE_PLACED | DATE_PLACED_CEASED | REASON_PLACED_CEASED
        1     | 26/05/2022  | 01/03/2023         | RD1
        2     | 26/05/2022  | 01/03/2023         | RD1
        3     | 26/05/2022  |                    | RD2
        4     | 26/05/2022  | 01/03/2023         |
        5     | 01/01/2022  |                    |
        6     |             | 01/03/2023         | RD1
        7     | 01/07/2023  | 01/03/2023         | RD1
    """) == [2, 4, 5, 8]
