"""CIN rule 8525: Date of birth or expected date of birth: exactly one."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8525", "cin", "Either Date of Birth or Expected Date of Birth must be provided (but not both)", tables=("child",), fields=("PersonBirthDate",), severity="query")
def sql(year: int) -> str:
    return """SELECT _file, _row, LAchildID AS child FROM child WHERE (PersonBirthDate IS NULL) = (ExpectedPersonBirthDate IS NULL)"""


def test_8525():
    assert flagged(sql, 2024, child="""
        LAchildID | PersonBirthDate | ExpectedPersonBirthDate
        1         | 2020-01-01      |
        2         |                 |
        3         | 2020-01-01      | 2020-01-02
        4         |                 | 2024-05-01
    """) == [3, 4]
