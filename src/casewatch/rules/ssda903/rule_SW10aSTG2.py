"""903 rule SW10aSTG2 (from 2025-26): a new social worker episode, unless it is a first contact (FCONTA), must
start within 7 days either side of the end of the child's previous episode.

The previous episode is the one before it in the child's sequence (``_social_worker.sequenced``); a blank reason
is not FCONTA. When the previous episode has no end date there is no date to be within 7 days of: the DfE
validator flags the new episode then; casewatch leaves it to SW08STG2 (previous episode not ended), which flags
the open one."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._social_worker import sequenced
from casewatch.rules.testing import flagged


@rule("SW10aSTG2", "ssda903", "A new social worker episode has started and it is not within +/- 7 days of a previous episode.", tables=("social_worker",), fields=("SW_DECOM",), since=2026)
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM ({sequenced()})
       WHERE n > 1 AND coalesce(SW_REASON, '') <> 'FCONTA'
         AND (SW_DECOM < prev_DEC - INTERVAL 7 DAY OR SW_DECOM > prev_DEC + INTERVAL 7 DAY)"""


def test_SW10aSTG2():
    assert flagged(sql, 2026, social_worker="""
        CHILD | SW_DECOM   | SW_DEC     | SW_REASON
        1     | 01/01/2025 | 09/01/2025 | FCONTA
        1     | 02/01/2025 | 03/01/2025 | MANAGE
        1     | 10/01/2025 |            | LEFTRL
        2     | 01/01/2024 | 09/01/2025 | FCONTA
        2     | 01/01/2025 | 10/01/2025 |
        3     | 01/01/2024 | 10/01/2025 | FCONTA
        3     | 17/01/2025 | 20/01/2025 | LEFTRL
        3     | 28/01/2025 |            | ORGRST
        4     | 01/01/2024 | 10/01/2025 | OTHERS
        4     | 01/03/2025 |            | FCONTA
        5     | 01/01/2024 |            | FCONTA
        5     | 01/03/2025 |            | MANAGE
    """) == [6, 9]
