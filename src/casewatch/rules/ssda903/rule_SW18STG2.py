"""903 rule SW18STG2 (from 2025-26): a social worker episode's end date, where given, must be after its start date.

The DfE's text: where provided, SW_DEC must be greater than SW_DECOM, so an episode ending on the day it began
is flagged here as well as by SW09STG2."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("SW18STG2", "ssda903", "The end date of the social worker episode is before the start date", tables=("social_worker",), fields=("SW_DEC",), since=2026)
def sql(year: int) -> str:
    return "SELECT _file, _row, CHILD AS child FROM social_worker WHERE SW_DEC <= SW_DECOM"


def test_SW18STG2():
    assert flagged(sql, 2026, social_worker="""
        CHILD | SW_DECOM   | SW_DEC
        1     | 01/01/2025 |
        2     | 01/01/2025 | 02/01/2025
        3     | 02/01/2025 | 01/01/2025
        4     | 01/01/2025 | 01/01/2025
        5     |            | 01/01/2025
    """) == [4, 5]
