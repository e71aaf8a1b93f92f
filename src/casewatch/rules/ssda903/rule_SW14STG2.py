"""903 rule SW14STG2 (2023-24 only): every social worker episode but the child's latest must have an end date.

An episode with no SW_DEC is flagged when another episode of the same child began after it (the same rows as
SW08STG2 in 2023-24, as the DfE's validator has them). An end date given but not a date is SW05STG1's; an
episode with no start date cannot be placed in the child's sequence."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("SW14STG2", "ssda903", "Social worker episode date ceased is blank.", tables=("social_worker",), fields=("SW_DEC",), since=2024, until=2024)
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
           SELECT *, max(SW_DECOM) OVER (PARTITION BY CHILD) AS latest FROM social_worker WHERE CHILD IS NOT NULL)
       WHERE SW_DEC IS NULL AND json_extract_string(_bad, '$.SW_DEC') IS NULL AND SW_DECOM < latest"""


def test_SW14STG2():
    assert flagged(sql, 2024, social_worker="""
        CHILD | SW_DECOM   | SW_DEC
        1     | 01/01/2024 | 01/02/2024
        1     | 02/01/2024 |
        2     | 01/01/2024 |
        2     | 02/01/2024 |
        3     | 01/01/2024 |
        4     | 01/01/2024 | !35/01/2024
        4     | 02/02/2024 |
    """) == [4]
