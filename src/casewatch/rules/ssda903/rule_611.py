"""903 rule 611: A mother (MOTHER 1) with no date of birth of her first child (MC_DOB)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("611", "ssda903", "Date of birth field is blank, but child is a mother.", tables=("header",), fields=("MC_DOB",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM header WHERE MOTHER = '1' AND MC_DOB IS NULL"""


def test_611():
    assert flagged(sql, 2024, header="""
        CHILD | MOTHER | MC_DOB
        1     | 1      | 01/05/2022
        2     | 1      |
        3     | 0      |
        4     |        |
        5     | 1      | !30/02/2022
    """) == [3, 6]
