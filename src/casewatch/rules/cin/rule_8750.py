"""CIN rule 8750: an unborn child (expected date of birth, no date of birth) has sex 'not known': GenderCurrent
0 until 2023-24, Sex U from 2024-25. A missing code is rule 4180's and is not reported again here."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8750", "cin", "Sex must equal U (GenderCurrent 0 until 2023-24) for an unborn child",
      tables=("child",), fields=("Sex",))
def sql(year: int) -> str:
    unknown = "U" if year >= 2025 else "0"
    return f"""SELECT _file, _row, LAchildID AS child FROM child
      WHERE ExpectedPersonBirthDate IS NOT NULL AND PersonBirthDate IS NULL AND Sex <> '{unknown}'"""


def test_8750():
    table = """
        LAchildID | PersonBirthDate | ExpectedPersonBirthDate | Sex
        1         |                 | 2024-05-01              | 0
        2         |                 | 2024-05-01              | U
        3         |                 | 2024-05-01              | 1
        4         |                 | 2024-05-01              |
        5         | 2024-01-01      | 2024-01-05              | 1
        6         | 2024-01-01      |                         | 2
    """
    assert flagged(sql, 2024, child=table) == [3, 4]
    assert flagged(sql, 2025, child=table) == [2, 4]
