"""903 rule SW03STG1 (2023-24 only): every social worker episode must have its ID, start date and reason.

The DfE's text: for each social worker episode SW_ID, SW_DECOM and SW_REASON must be provided (SW_DEC may be
blank: the episode may still be open). A start date given but not a date is SW04STG1's, not a blank."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("SW03STG1", "ssda903", "For each social worker episode, information should be complete.", tables=("social_worker",), fields=("SW_ID",), since=2024, until=2024)
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child,
              CASE WHEN SW_ID IS NULL THEN 'SW_ID' WHEN SW_REASON IS NULL THEN 'SW_REASON' ELSE 'SW_DECOM' END AS field
       FROM social_worker
       WHERE SW_ID IS NULL OR SW_REASON IS NULL
          OR (SW_DECOM IS NULL AND json_extract_string(_bad, '$.SW_DECOM') IS NULL)"""


def test_SW03STG1():
    assert flagged(sql, 2024, social_worker="""
        CHILD | SW_ID | SW_DECOM    | SW_DEC     | SW_REASON
        1     |       | 01/05/2023  | 01/06/2023 | MANAGE
        2     | SW1   |             | 01/06/2023 | MANAGE
        3     | SW1   | 01/05/2023  | 01/06/2023 |
        4     | SW1   | 01/05/2023  |            | MANAGE
        5     | SW1   | !31/02/2023 |            | MANAGE
    """) == [2, 3, 4]
