"""903 rule 444 (from 2025-26): The same UPN is reported for more than one child.

The DfE's text: a UPN must not be duplicated in the return, except the 'unknown' codes UN1-UN5. Every
header row carrying a duplicated UPN is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("444", "ssda903", "Duplicate UPN has been reported", tables=("header",), fields=("UPN",), since=2026)
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
        SELECT *, count(*) OVER (PARTITION BY UPN) AS n FROM header
        WHERE UPN IS NOT NULL AND UPN NOT IN ('UN1', 'UN2', 'UN3', 'UN4', 'UN5'))
       WHERE n > 1"""


def test_444():
    assert flagged(sql, 2026, header="""
        CHILD | UPN
        1     | A123456789012
        2     | A123456789012
        3     | B123456789012
        4     | UN1
        5     | UN1
        6     |
        7     |
    """) == [2, 3]
