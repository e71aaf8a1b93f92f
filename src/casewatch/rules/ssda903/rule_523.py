"""903 rule 523: The decision that the child should be placed for adoption (PlacedAdoption DATE_PLACED)
is not the date of the best-interests decision in AD1 (DATE_INT). Judged where both are given; the
PlacedAdoption row is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("523", "ssda903", "Date of decision that the child should be placed for adoption should be the same date as the decision that adoption is in the best interest (date should be placed).", tables=("placed_adoption", "ad1"), fields=("DATE_PLACED",))
def sql(year: int) -> str:
    return """SELECT DISTINCT p._file, p._row, p.CHILD AS child FROM placed_adoption p JOIN ad1 a ON a.CHILD = p.CHILD
       WHERE p.DATE_PLACED <> a.DATE_INT"""


def test_523():
    assert flagged(sql, 2024, placed_adoption="""
        CHILD | DATE_PLACED
        1     | 01/06/2023
        2     | 02/06/2023
        3     |
        4     | 02/06/2023
    """, ad1="""
        CHILD | DATE_INT
        1     | 01/06/2023
        2     | 01/06/2023
        3     | 01/06/2023
        4     |
    """) == [3]
