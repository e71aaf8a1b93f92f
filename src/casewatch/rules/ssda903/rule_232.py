"""903 rule 232 (from 2024-25): SEX reported as U (unknown), a code the DfE added when SEX became M/F/U. It
is a valid code, so this is a prompt to check it rather than a code-list failure."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("232", "ssda903", "Sex of the child/young person has been reported as unknown.", tables=("header",), fields=("SEX",), since=2025)
def sql(year: int) -> str:
    return "SELECT _file, _row, CHILD AS child FROM header WHERE SEX = 'U'"


def test_232():
    assert flagged(sql, 2025, header="""
        CHILD | SEX
        1     | M
        2     | U
        3     | u
        4     |
    """) == [3, 4]
