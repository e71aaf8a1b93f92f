"""903 rule 174: A mother's child's date of birth (MC_DOB) recorded for a child whose SEX is male: code 1
until 2023-24, M from 2024-25 (when the DfE moved SEX to M/F/U)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("174", "ssda903", "Mother's child date of birth is recorded but sex shows that the child is a male.", tables=("header",), fields=("MC_DOB",))
def sql(year: int) -> str:
    male = "M" if year >= 2025 else "1"
    return f"""SELECT _file, _row, CHILD AS child FROM header
       WHERE SEX = '{male}' AND (MC_DOB IS NOT NULL OR json_extract_string(_bad, '$.MC_DOB') IS NOT NULL)"""


def test_174():
    assert flagged(sql, 2024, header="""
        CHILD | SEX | MC_DOB
        1     | 1   | 01/05/2023
        2     | 2   | 01/05/2023
        3     | 1   |
        4     | 1   | !31/02/2023
    """) == [2, 5]


def test_174_from_2024_25():
    assert flagged(sql, 2025, header="""
        CHILD | SEX | MC_DOB
        1     | M   | 01/05/2024
        2     | F   | 01/05/2024
        3     | 1   | 01/05/2024
        4     | M   |
    """) == [2]
