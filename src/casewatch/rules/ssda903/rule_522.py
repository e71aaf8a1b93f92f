"""903 rule 522: The decision that the child should no longer be placed for adoption (DATE_PLACED_CEASED)
comes before the decision that they should be (DATE_PLACED)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("522", "ssda903", "Date of decision that the child should be placed for adoption must be on or before the date that a child should no longer be placed for adoption.", tables=("placed_adoption",), fields=("DATE_PLACED",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM placed_adoption WHERE DATE_PLACED_CEASED < DATE_PLACED"""


def test_522():
    assert flagged(sql, 2024, placed_adoption="""
        CHILD | DATE_PLACED | DATE_PLACED_CEASED
        1     | 01/06/2023  | 01/06/2023
        2     | 02/06/2023  | 01/06/2023
        3     | 02/06/2023  |
        4     |             | 01/06/2023
    """) == [3]
