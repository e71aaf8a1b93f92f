"""903 rule SW09STG2: a social worker episode cannot end on the day it began (it would have lasted less than a
day).

The DfE validator from 2025-26 flags an episode lasting less than three days (and one that ends before it
begins, SW18STG2's); the DfE's message is unchanged ("less than 24 hours"), so casewatch follows the message in
every year: dates are days, and an episode under 24 hours is one whose end date is its start date."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("SW09STG2", "ssda903", "Social worker episode appears to have lasted for less than 24 hours.", tables=("social_worker",), fields=("SW_DEC",), since=2024)
def sql(year: int) -> str:
    return "SELECT _file, _row, CHILD AS child FROM social_worker WHERE SW_DEC = SW_DECOM"


def test_SW09STG2():
    assert flagged(sql, 2026, social_worker="""
        CHILD | SW_DECOM   | SW_DEC
        1     | 01/01/2025 | 01/01/2025
        2     | 01/01/2025 | 02/01/2025
        3     | 02/01/2025 | 01/01/2025
        4     | 01/01/2025 |
        5     |            |
    """) == [2]
