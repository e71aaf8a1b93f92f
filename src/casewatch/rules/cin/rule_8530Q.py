"""CIN rule 8530Q: an expected date of birth lies between 30 days before and 9 months after the ReferenceDate
(both ends allowed): an unborn child referred in the year is due from March to December."""

from casewatch.rules.cin._census import ref
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8530Q", "cin",
      "Please check and either amend data or provide a reason: Expected Date of Birth is outside the expected "
      "range for this census (March to December of the Census Year end)",
      tables=("child",), fields=("ExpectedPersonBirthDate",), severity="query")
def sql(year: int) -> str:
    return f"""SELECT _file, _row, LAchildID AS child FROM child
      WHERE ExpectedPersonBirthDate < {ref(year)} - INTERVAL 30 DAY
         OR ExpectedPersonBirthDate > {ref(year)} + INTERVAL 9 MONTH"""


def test_8530Q():
    assert flagged(sql, 2024, child="""
        LAchildID | ExpectedPersonBirthDate
        1         | 2024-03-01
        2         | 2024-02-29
        3         | 2024-12-31
        4         | 2025-01-01
        5         |
    """) == [3, 5]
