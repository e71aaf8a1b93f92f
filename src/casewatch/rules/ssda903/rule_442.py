"""903 rule 442: A looked-after child (an episode under a legal status other than V3 or V4) must have a UPN.

The header row is reported."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("442", "ssda903", "Unique Pupil Number (UPN) field is not completed.", tables=("header", "episodes"), fields=("UPN",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM header
       WHERE UPN IS NULL AND CHILD IN (SELECT CHILD FROM episodes WHERE LS IS NULL OR LS NOT IN ('V3', 'V4'))"""


def test_442():
    assert flagged(sql, 2024, header="""
        CHILD | UPN
        1     |
        2     |
        3     | UN1
        4     |
    """, episodes="""
        CHILD | DECOM      | LS
        1     | 01/06/2023 | C2
        2     | 01/06/2023 | V3
        3     | 01/06/2023 | C2
    """) == [2]
