"""903 rule SW10bSTG2 (from 2025-26): a social worker episode whose reason is first contact (FCONTA) must start
after the child's previous episode ended.

The DfE's text: if SW_REASON is FCONTA, SW_DECOM must be after (>) SW_DEC of the previous episode, if there is
one. The previous episode is the one before it in the child's sequence (``_social_worker.sequenced``); when it
has no end date SW08STG2 (previous episode not ended) flags it, as the DfE's validator leaves it to that rule."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._social_worker import sequenced
from casewatch.rules.testing import flagged


@rule("SW10bSTG2", "ssda903", "A new social worker episode has started with a reason of first contact before the previous episode has ended.", tables=("social_worker",), fields=("SW_DECOM",), since=2026)
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM ({sequenced()})
       WHERE n > 1 AND SW_REASON = 'FCONTA' AND SW_DECOM <= prev_DEC"""


def test_SW10bSTG2():
    assert flagged(sql, 2026, social_worker="""
        CHILD | SW_DECOM   | SW_DEC     | SW_REASON
        1     | 01/01/2025 | 09/01/2025 | FCONTA
        1     | 09/01/2025 |            | FCONTA
        2     | 01/01/2025 | 09/01/2025 | FCONTA
        2     | 10/01/2025 |            | FCONTA
        3     | 01/01/2025 | 09/01/2025 | FCONTA
        3     | 05/01/2025 |            | MANAGE
        4     | 01/01/2025 |            | MANAGE
        4     | 05/01/2025 |            | FCONTA
        5     | 01/03/2025 |            | FCONTA
    """) == [3]
