"""903 rule 234 (from 2025-26): A child under 10 cannot change placement because of being admitted to custody.

The DfE's text: if the episode's DECOM is before the child's 10th birthday, the previous episode's
REASON_PLACE_CHANGE cannot be CUSTOD. The reason is recorded on the episode that ends, so this rule flags
the episode with CUSTOD when the child's next episode (by DECOM) starts before the 10th birthday. The
DfE's own validator (csc-validator-be-903 0.1.17) instead compares an episode's own reason with its own
DECOM; casewatch follows the DfE's text."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("234", "ssda903", "A child aged under 10 can not change placement due to being admitted to custody", tables=("episodes", "header"), fields=("REASON_PLACE_CHANGE",), since=2026)
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM (
        SELECT *, lead(DECOM) OVER (PARTITION BY CHILD ORDER BY DECOM, _row) AS next_decom FROM episodes) e
       JOIN header h ON h.CHILD = e.CHILD
       WHERE e.REASON_PLACE_CHANGE = 'CUSTOD' AND e.next_decom < h.DOB + INTERVAL 10 YEAR"""


def test_234():
    assert flagged(sql, 2026, header="""
        CHILD | DOB
        1     | 01/07/2015
        2     | 01/07/2015
        3     | 01/06/2005
        4     | 01/07/2015
    """, episodes="""
        CHILD | DECOM      | REASON_PLACE_CHANGE
        1     | 01/05/2025 | CUSTOD
        1     | 01/06/2025 |
        2     | 01/05/2025 | CUSTOD
        2     | 01/07/2025 |
        3     | 01/05/2025 | CUSTOD
        3     | 01/06/2025 |
        4     | 01/05/2025 | CUSTOD
        4     | 01/06/2025 |
        4     | 01/06/2026 |
    """) == [2, 8]
