"""903 rule CW-903-009: An adoption decision reversed before it was made."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("CW-903-009", "ssda903", "The decision that the child should no longer be placed for adoption is dated before the decision it reverses.", tables=("placed_adoption",), fields=("DATE_PLACED_CEASED",), quarantine=True)
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM placed_adoption WHERE DATE_PLACED_CEASED < DATE_PLACED"""


def test_CW_903_009():
    assert flagged(sql, 2024, placed_adoption="""
        CHILD | DATE_PLACED | DATE_PLACED_CEASED
        1     | 01/05/2023  | 30/04/2023
        2     | 01/05/2023  | 01/06/2023
    """) == [2]
