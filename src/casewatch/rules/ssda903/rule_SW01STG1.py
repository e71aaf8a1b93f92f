"""903 rule SW01STG1 (2023-24 only): a child looked after on 31 March must have social worker episode information.

The DfE's text: if the child is looked after on 31 March (an episode with no DEC and LS other than V3/V4) then
at least one instance of each of SW_ID, SW_DECOM and SW_REASON should be provided. The child's open episode is
flagged when, across all the child's social worker episodes, one of the three is never given (no episodes at
all, no episode with an ID, none with a start date, or none with a reason).

The DfE validator (0.1.17) flags the child when any one of its episodes lacks an item, and reports the
episode's row number as a SWEpisodes row; casewatch follows the text ("at least one instance of each") and
flags the episode (Episodes) row."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._social_worker import CLA_AT_31_MARCH
from casewatch.rules.testing import flagged


@rule("SW01STG1", "ssda903", "Child looked after on 31 March, but no social worker episode information is reported", tables=("episodes", "social_worker"), fields=("DEC",), since=2024, until=2024)
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM episodes
       WHERE {CLA_AT_31_MARCH} AND CHILD IS NOT NULL AND CHILD NOT IN (
           SELECT CHILD FROM social_worker WHERE CHILD IS NOT NULL GROUP BY CHILD
           HAVING count(SW_ID) > 0 AND count(SW_DECOM) > 0 AND count(SW_REASON) > 0)"""


def test_SW01STG1():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | LS | DEC
        1     | 01/05/2023 | C2 |
        2     | 01/05/2023 | C2 |
        3     | 01/05/2023 | C2 |
        4     | 01/05/2023 | C2 | 01/06/2023
        5     | 01/05/2023 | V3 |
        6     | 01/05/2023 | C2 |
        7     | 01/05/2023 |    |
    """, social_worker="""
        CHILD | SW_ID | SW_DECOM   | SW_DEC     | SW_REASON
        1     | SW1   | 01/04/2022 | 01/06/2023 |
        1     |       | 01/06/2023 |            | LEFTRL
        2     | SW1   | 01/04/2022 |            |
        6     | SW1   | !31/02/2023 |           | FCONTA
        7     | SW1   | 01/05/2023 |            | FCONTA
    """) == [3, 4, 7]
