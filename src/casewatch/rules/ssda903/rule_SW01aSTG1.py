"""903 rule SW01aSTG1 (2024-25 only): a social worker episode that began before 1 April 2023 must be complete.

The DfE's text: if SW_DECOM is before 1 April 2023 (before social worker episodes were first collected), SW_ID
and SW_DECOM should be provided; SW_REASON may or may not be. An episode with no start date at all is
incomplete whenever it began, and is flagged here as by SW01bSTG1 (as the DfE's validator does); a start date
given but not a date is SW04STG1's."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("SW01aSTG1", "ssda903", "For each social worker episode, information should be complete", tables=("social_worker",), fields=("SW_ID",), since=2025, until=2025)
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child,
              CASE WHEN SW_DECOM IS NULL THEN 'SW_DECOM' ELSE 'SW_ID' END AS field
       FROM social_worker
       WHERE (SW_DECOM < DATE '2023-04-01' AND SW_ID IS NULL)
          OR (SW_DECOM IS NULL AND json_extract_string(_bad, '$.SW_DECOM') IS NULL)"""


def test_SW01aSTG1():
    assert flagged(sql, 2025, social_worker="""
        CHILD | SW_ID | SW_DECOM    | SW_REASON
        1     |       | 31/03/2023  | MANAGE
        2     |       | 01/04/2023  |
        3     | SW1   | 01/01/2020  |
        4     | SW1   |             | MANAGE
        5     |       | !31/02/2023 |
        6     | SW1   | 31/03/2023  | MANAGE
    """) == [2, 5]
