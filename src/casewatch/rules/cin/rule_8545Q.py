"""CIN rule 8545Q: a date of death in the return falls within the census year (1 April to 31 March)."""

from casewatch.rules.cin._census import ref, start
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8545Q", "cin", "Please check and either amend data or provide a reason: Child's date of death should "
      "be within the census year", tables=("child",), fields=("PersonDeathDate",), severity="query")
def sql(year: int) -> str:
    return f"""SELECT _file, _row, LAchildID AS child FROM child
      WHERE PersonDeathDate < {start(year)} OR PersonDeathDate > {ref(year)}"""


def test_8545Q():
    assert flagged(sql, 2024, child="""
        LAchildID | PersonDeathDate
        1         | 2023-03-31
        2         | 2023-04-01
        3         | 2024-03-31
        4         | 2024-04-01
        5         |
    """) == [2, 5]
