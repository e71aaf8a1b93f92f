"""CIN rule 8520: a date of birth after the ReferenceDate (31 March of the collection year) is impossible."""

from casewatch.rules.cin._census import ref
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8520", "cin",
      "Date of Birth is after data collection period (must be on or before the end of the census period)",
      tables=("child",), fields=("PersonBirthDate",))
def sql(year: int) -> str:
    return f"SELECT _file, _row, LAchildID AS child FROM child WHERE PersonBirthDate > {ref(year)}"


def test_8520():
    assert flagged(sql, 2024, child="""
        LAchildID | PersonBirthDate | ExpectedPersonBirthDate
        1         | 2024-03-31      |
        2         | 2024-04-01      |
        3         |                 | 2024-05-01
        4         | 2010-01-01      |
    """) == [3]
