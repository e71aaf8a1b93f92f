"""903 rule SW10STG2: a new social worker episode cannot start before the previous one ended (with 7 days'
tolerance).

The DfE's text: SW_DECOM of an episode must be on or after SW_DEC of the child's previous episode, allowing 7
days ("must be >= (SW_DEC +/- 7 days) of previous episode"; from 2024-25 only when the new episode's reason is
not FCONTA, first contact, which SW10bSTG2 checks on its own from 2025-26). The previous episode is the one
before it in the child's sequence (``_social_worker.sequenced``).

Judgement calls. The DfE validator (0.1.17) also flags a new episode that starts more than 7 days *after* the
previous one ended (a gap); the DfE's message ("started before the end date of the previous social worker
episode"), its 2024-25 text (">=") and the validator's own reading of the 2023-24 text ("can be interpreted as
meaning >= sw_dec - 7 days") all say only an early start breaks the rule, so casewatch follows them in every
year (a gap is SW10aSTG2's from 2025-26). When the previous episode has no end date at all the validator flags
the new one too; casewatch leaves that to SW08STG2 (previous episode not ended), which flags the open one."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._social_worker import sequenced
from casewatch.rules.testing import flagged


@rule("SW10STG2", "ssda903", "A new social worker episode has started before the end date of the previous social worker episode.", tables=("social_worker",), fields=("SW_DECOM",), since=2024)
def sql(year: int) -> str:
    fconta = " AND coalesce(SW_REASON, '') <> 'FCONTA'" if year >= 2025 else ""
    return f"""SELECT _file, _row, CHILD AS child FROM ({sequenced()})
       WHERE n > 1 AND SW_DECOM < prev_DEC - INTERVAL 7 DAY{fconta}"""


TABLE = """
    CHILD | SW_DECOM   | SW_DEC     | SW_REASON
    1     | 01/01/2024 | 09/01/2024 | FCONTA
    1     | 02/01/2024 | 03/01/2024 | MANAGE
    2     | 01/01/2023 | 09/01/2024 | FCONTA
    2     | 01/01/2024 | 10/01/2024 | MANAGE
    3     | 10/01/2024 | 20/01/2024 | FCONTA
    3     | 10/01/2024 | 11/01/2024 | MANAGE
    3     | 18/01/2024 | 20/01/2024 | LEFTRL
    3     | 30/01/2024 |            | LEFTRL
    4     | 01/01/2023 | 09/01/2024 | OTHERS
    4     | 01/01/2024 |            | FCONTA
    5     | 01/01/2023 |            | FCONTA
    5     | 01/01/2024 |            | MANAGE
    6     | 01/02/2024 |            | MANAGE
    6     | 01/01/2023 | 09/02/2024 | FCONTA
"""


def test_SW10STG2():
    # 1: starts 7 days before the previous end (tolerated); 2 and 4: 8 days before; 3: the 10/01 pair sorts by
    # end date (the 11/01 one first) and the 30/01 one starts after a gap: neither flagged; 5: previous open
    # (SW08's); 6: rows out of order, sequenced by start date
    assert flagged(sql, 2024, social_worker=TABLE) == [5, 11, 14]


def test_SW10STG2_first_contact_exempt_from_2024_25():
    assert flagged(sql, 2025, social_worker=TABLE) == [5, 14]
