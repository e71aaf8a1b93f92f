"""CIN rule 8535Q: a child cannot die before being born."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8535Q", "cin", "Please check and either amend data or provide a reason: Child's date of death should "
      "not be prior to the date of birth", tables=("child",), fields=("PersonDeathDate",), severity="query")
def sql(year: int) -> str:
    return "SELECT _file, _row, LAchildID AS child FROM child WHERE PersonDeathDate < PersonBirthDate"


def test_8535Q():
    assert flagged(sql, 2024, child="""
        LAchildID | PersonBirthDate | PersonDeathDate
        1         | 2023-06-01      | 2023-05-31
        2         | 2023-06-01      | 2023-06-01
        3         |                 | 2023-06-01
        4         | 2023-06-01      |
    """) == [2]
