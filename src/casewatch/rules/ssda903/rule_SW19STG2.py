"""903 rule SW19STG2 (from 2025-26): no two social worker episodes of a child may begin on the same date.

The DfE's text: each episode's SW_DECOM must be distinct from every other episode's for the child, so every
episode sharing a start date breaks it and all are flagged. The DfE validator (0.1.17) flags all but the first
row of each group (and also two blank start dates); casewatch follows the text, and a blank start date is
SW01/SW03's, not a date shared."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("SW19STG2", "ssda903", "There are 2 social worker episodes for the child starting on the same date.", tables=("social_worker",), fields=("SW_DECOM",), since=2026)
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
           SELECT *, count(*) OVER (PARTITION BY CHILD, SW_DECOM) AS same
           FROM social_worker WHERE SW_DECOM IS NOT NULL AND CHILD IS NOT NULL)
       WHERE same > 1"""


def test_SW19STG2():
    assert flagged(sql, 2026, social_worker="""
        CHILD | SW_DECOM   | SW_DEC
        1     | 01/01/2025 |
        2     | 01/01/2025 | 01/02/2025
        2     | 02/01/2024 | 01/01/2025
        1     | 01/01/2025 | 01/02/2025
        3     |            |
        3     |            |
    """) == [2, 5]
