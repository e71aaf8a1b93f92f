"""903 rule 233 (from 2025-26): An episode that has not ceased (no DEC) cannot have a reason for placement
change: the reason is recorded when the placement ends. An unreadable DEC is left to the date rules."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("233", "ssda903", "Reason for placement change is not required when the episode has not ceased.", tables=("episodes",), fields=("REASON_PLACE_CHANGE",), since=2026)
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes
       WHERE DEC IS NULL AND REASON_PLACE_CHANGE IS NOT NULL AND json_extract_string(_bad, '$.DEC') IS NULL"""


def test_233():
    assert flagged(sql, 2026, episodes="""
        CHILD | DECOM      | DEC         | REASON_PLACE_CHANGE
        1     | 01/06/2025 | 05/06/2025  | CARPL
        2     | 01/06/2025 |             | CARPL
        3     | 01/06/2025 |             |
        4     | 01/06/2025 | !31/02/2026 | CARPL
    """) == [3]
