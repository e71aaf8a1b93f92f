"""903 rule SW01bSTG1 (2024-25 only): a social worker episode that began on or after 1 April 2023 must be
complete.

The DfE's text: if SW_DECOM is on or after 1 April 2023, SW_ID, SW_DECOM and SW_REASON should all be provided
(episodes that began earlier are SW01aSTG1's, where the reason may be blank). An episode with no start date at
all is incomplete whenever it began, and is flagged here as by SW01aSTG1 (as the DfE's validator does); a start
date given but not a date is SW04STG1's."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("SW01bSTG1", "ssda903", "For each social worker episode, information should be complete", tables=("social_worker",), fields=("SW_REASON",), since=2025, until=2025)
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child,
              CASE WHEN SW_DECOM IS NULL THEN 'SW_DECOM' WHEN SW_ID IS NULL THEN 'SW_ID' ELSE 'SW_REASON' END AS field
       FROM social_worker
       WHERE (SW_DECOM >= DATE '2023-04-01' AND (SW_ID IS NULL OR SW_REASON IS NULL))
          OR (SW_DECOM IS NULL AND json_extract_string(_bad, '$.SW_DECOM') IS NULL)"""


def test_SW01bSTG1():
    assert flagged(sql, 2025, social_worker="""
        CHILD | SW_ID | SW_DECOM    | SW_REASON
        1     | SW1   | 01/04/2023  |
        2     |       | 01/05/2024  | MANAGE
        3     | SW1   | 31/03/2023  |
        4     | SW1   |             | MANAGE
        5     | SW1   | !31/02/2024 |
        6     | SW1   | 01/05/2024  | FCONTA
    """) == [2, 3, 5]
