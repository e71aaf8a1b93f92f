"""903 rule SW08STG2: only a child's latest social worker episode may be open (have no SW_DEC).

An episode with no end date is flagged when another episode of the same child began after it. An end date
given but not a date is SW05STG1's, not an open episode; an episode with no start date cannot be placed in the
child's sequence and is left to SW01/SW03."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("SW08STG2", "ssda903", "A new social worker episode has started, but the previous episode has not ended.", tables=("social_worker",), fields=("SW_DEC",), since=2024)
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
           SELECT *, max(SW_DECOM) OVER (PARTITION BY CHILD) AS latest FROM social_worker WHERE CHILD IS NOT NULL)
       WHERE SW_DEC IS NULL AND json_extract_string(_bad, '$.SW_DEC') IS NULL AND SW_DECOM < latest"""


def test_SW08STG2():
    assert flagged(sql, 2024, social_worker="""
        CHILD | SW_DECOM   | SW_DEC
        1     | 01/06/2023 | 04/06/2023
        1     | 05/06/2023 |
        2     | 06/06/2023 |
        2     | 07/06/2023 | 08/06/2023
        3     | 08/06/2023 |
        3     | 08/06/2023 |
        4     | 01/06/2023 | !31/06/2023
        4     | 05/06/2023 |
        5     |            |
        5     | 05/06/2023 |
        6     | 01/05/2023 |
        6     | 01/06/2023 | 02/06/2023
        6     | 01/07/2023 |
    """) == [4, 12]
