"""903 rule SW17STG2 (from 2025-26): a child's latest social worker episode must be open at 31 March.

The DfE's text: the child's last social worker episode (the one with the latest SW_DECOM) must have no SW_DEC.
Of two episodes beginning on the same latest date an open one counts (two episodes on one date are SW19STG2's);
an episode with no start date cannot be placed and is left to SW04STG1."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("SW17STG2", "ssda903", "There is no social worker episode open at 31 March", tables=("social_worker",), fields=("SW_DEC",), since=2026)
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
           SELECT *, row_number() OVER (PARTITION BY CHILD ORDER BY SW_DECOM DESC, SW_DEC DESC NULLS FIRST,
                                        _file DESC, _row DESC) AS latest
           FROM social_worker WHERE SW_DECOM IS NOT NULL AND CHILD IS NOT NULL)
       WHERE latest = 1 AND SW_DEC IS NOT NULL"""


def test_SW17STG2():
    assert flagged(sql, 2026, social_worker="""
        CHILD | SW_DECOM   | SW_DEC
        1     | 01/01/2025 |
        1     | 01/01/2024 | 01/01/2025
        2     | 01/01/2024 | 01/01/2025
        2     | 02/01/2024 | 01/01/2025
        3     | 01/01/2025 | 01/02/2025
        3     | 01/01/2025 |
        4     | 01/01/2024 |
        4     | 01/02/2024 | 01/03/2024
        5     |            |
    """) == [5, 9]
