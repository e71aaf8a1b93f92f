"""CIN rule 8525Q: a child has a date of birth or, unborn, an expected date of birth: exactly one of them."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8525Q", "cin", "Either Date of Birth or Expected Date of Birth must be provided (but not both)",
      tables=("child",), fields=("PersonBirthDate",), severity="query")
def sql(year: int) -> str:
    return """SELECT _file, _row, LAchildID AS child FROM child
      WHERE (PersonBirthDate IS NULL) = (ExpectedPersonBirthDate IS NULL)"""


def test_8525Q():
    assert flagged(sql, 2024, child="""
        LAchildID | PersonBirthDate | ExpectedPersonBirthDate
        1         | 2020-01-01      |
        2         |                 | 2024-05-01
        3         | 2020-01-01      | 2020-01-02
        4         |                 |
        5         | !31/02/2020     |
    """) == [4, 5, 6]
