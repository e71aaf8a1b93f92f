"""903 rule 184: An adoption decision before the child was born."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("184", "ssda903", "Date of decision that a child should be placed for adoption is before the child was born.", tables=("placed_adoption",), fields=("DATE_PLACED",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM placed_adoption WHERE DATE_PLACED < DOB"""


def test_184():
    assert flagged(sql, 2024, placed_adoption="""
        CHILD | DOB        | DATE_PLACED
        1     | 01/05/2023 | 30/04/2023
        2     | 01/05/2023 | 01/05/2023
    """) == [2]
