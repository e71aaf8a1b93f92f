"""903 rule 563: A decision that the child should no longer be placed for adoption (DATE_PLACED_CEASED and
REASON_PLACED_CEASED given) with no date of the decision that they should be (DATE_PLACED)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("563", "ssda903", "The child should no longer be placed for adoption but the date of the decision that the child should be placed for adoption is blank", tables=("placed_adoption",), fields=("DATE_PLACED",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM placed_adoption
       WHERE DATE_PLACED IS NULL AND DATE_PLACED_CEASED IS NOT NULL AND REASON_PLACED_CEASED IS NOT NULL"""


def test_563():
    assert flagged(sql, 2024, placed_adoption="""
        CHILD | DATE_PLACED | DATE_PLACED_CEASED | REASON_PLACED_CEASED
        1     | 01/05/2023  | 01/06/2023         | RD1
        2     |             | 01/06/2023         | RD1
        3     |             |                    |
    """) == [3]
