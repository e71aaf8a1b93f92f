"""903 rule SW13STG1 (social_worker.SW_REASON): the reason for the change of social worker must be one of the
year's codes; in 2023-24 it must also be given.

In 2023-24 the DfE's message is "The reason for social worker change is either not valid or has not been
entered.": a blank is flagged (with the message of later years, as casewatch keeps one message per rule). From
2024-25 it is "not valid" only, and a blank reason becomes SW01bSTG1's (2024-25, for episodes begun on or after
1 April 2023); the specification lets SW_REASON be blank. The DfE validator (0.1.17) still flags a blank reason
here from 2024-25 when the episode began on or after 1 April 2023; casewatch follows the changed message and
flags only a reason that is not a valid code."""

from casewatch.model.schema import quote_list
from casewatch.returns.ssda903.spec import codes
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("SW13STG1", "ssda903", "The reason for social worker change is not valid.", tables=("social_worker",), fields=("SW_REASON",), since=2024)
def sql(year: int) -> str:
    valid = codes(year, "social_worker", "SW_REASON") or ()
    bad = f"SW_REASON NOT IN ({quote_list(valid)})" if valid else "false"
    blank = " OR SW_REASON IS NULL" if year <= 2024 else ""
    return f"SELECT _file, _row, CHILD AS child FROM social_worker WHERE ({bad}{blank})"


TABLE = """
    CHILD | SW_DECOM   | SW_REASON
    1     | 01/05/2023 | FCONTA
    2     | 01/05/2023 |
    3     | 01/05/2023 | LAZY
    4     | 01/05/2023 | swdied
    5     | 01/01/2020 |
    6     | 01/05/2023 | OTHER
"""


def test_SW13STG1_2023_24_blank_is_flagged():
    assert flagged(sql, 2024, social_worker=TABLE) == [3, 4, 6, 7]


def test_SW13STG1_from_2024_25_only_invalid_codes():
    assert codes(2025, "social_worker", "SW_REASON")
    assert flagged(sql, 2025, social_worker=TABLE) == [4, 7]
    assert flagged(sql, 2026, social_worker=TABLE) == [4, 7]
