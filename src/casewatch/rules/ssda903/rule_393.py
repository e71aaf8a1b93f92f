"""903 rule 393: A looked-after girl must have the MOTHER field completed.

The DfE's text: if the child is female (SEX 2 to 2023-24, F from 2024-25 when the codes change) and has an
episode under a legal status other than V3 or V4, MOTHER must be provided."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("393", "ssda903", "Child is looked after but mother field is not completed.", tables=("header", "episodes"), fields=("MOTHER",))
def sql(year: int) -> str:
    female = "'2'" if year <= 2024 else "'F'"
    return f"""SELECT _file, _row, CHILD AS child FROM header
       WHERE SEX = {female} AND MOTHER IS NULL
         AND CHILD IN (SELECT CHILD FROM episodes WHERE LS IS NULL OR LS NOT IN ('V3', 'V4'))"""


def test_393():
    episodes = """
        CHILD | DECOM      | LS
        1     | 01/06/2023 | C2
        2     | 01/06/2023 | V3
        3     | 01/06/2023 | C2
        4     | 01/06/2023 | C2
    """
    assert flagged(sql, 2024, header="""
        CHILD | SEX | MOTHER
        1     | 2   |
        2     | 2   |
        3     | 2   | 0
        4     | 1   |
        5     | 2   |
    """, episodes=episodes) == [2]
    assert flagged(sql, 2025, header="""
        CHILD | SEX | MOTHER
        1     | F   |
        4     | M   |
    """, episodes=episodes) == [2]
