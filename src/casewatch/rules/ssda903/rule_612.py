"""903 rule 612: A girl with a date of birth of a first child (MC_DOB) who is not recorded as a mother
(MOTHER 0 or blank). Girls are SEX 2 until 2023-24 and F from 2024-25, when the DfE's codes change."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


def female(year: int) -> str:
    return "2" if year <= 2024 else "F"


@rule("612", "ssda903", "Date of birth field has been completed but mother field indicates child is not a mother.", tables=("header",), fields=("MOTHER",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM header
       WHERE coalesce(MOTHER, '0') = '0' AND SEX = '{female(year)}' AND MC_DOB IS NOT NULL"""


def test_612():
    assert flagged(sql, 2024, header="""
        CHILD | SEX | MOTHER | MC_DOB
        1     | 2   | 1      | 01/05/2022
        2     | 2   | 0      | 01/05/2022
        3     | 2   |        | 01/05/2022
        4     | 2   | 0      |
        5     | 1   | 0      | 01/05/2022
    """) == [3, 4]


def test_612_from_2024_25():
    assert flagged(sql, 2025, header="""
        CHILD | SEX | MOTHER | MC_DOB
        1     | F   | 0      | 01/05/2022
        2     | M   |        | 01/05/2022
    """) == [2]
