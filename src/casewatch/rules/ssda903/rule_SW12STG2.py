"""903 rule SW12STG2: a child looked after on 31 March must have social worker episodes reported for the whole
year to 31 March, including the time before they were looked after.

casewatch reads the DfE's message as: for a child looked after on 31 March (an episode with no DEC and LS other
than V3/V4), the social worker episodes must reach back to 1 April at the start of the collection year. Flagged:
the child's open episode (Episodes) when no social worker episode is reported at all; otherwise the child's
earliest social worker episode when it began after 1 April, unless it is the child's first contact (SW_REASON
FCONTA: the child was not known to children's social care before). Gaps between episodes are SW10STG2's and
SW10aSTG2's, the end of the year SW11bSTG2's and SW17STG2's.

The DfE validator (0.1.17) instead pairs every episode that starts or ends a period of care (RNE S, or REC not
X1, including open episodes) with every social worker episode and flags the care episode once for each pair in
which the social worker episode neither began after the care began (RNE S) nor before it ended; that flags
most children in care on 31 March whatever their social workers, and it does not look at 31 March. casewatch
follows the message."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._social_worker import CLA_AT_31_MARCH, sequenced, year_start
from casewatch.rules.testing import issues


@rule("SW12STG2", "ssda903", "If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after", tables=("social_worker", "episodes"), fields=("SW_DECOM",), since=2024)
def sql(year: int) -> str:
    cla = f"SELECT CHILD FROM episodes WHERE {CLA_AT_31_MARCH} AND CHILD IS NOT NULL"
    return f"""SELECT _file, _row, CHILD AS child, 'episodes' AS _table, 'DEC' AS field FROM episodes
       WHERE {CLA_AT_31_MARCH} AND CHILD IS NOT NULL
         AND CHILD NOT IN (SELECT CHILD FROM social_worker WHERE CHILD IS NOT NULL)
       UNION ALL
       SELECT _file, _row, CHILD AS child, 'social_worker' AS _table, 'SW_DECOM' AS field FROM ({sequenced()})
       WHERE n = 1 AND SW_DECOM > {year_start(year)} AND coalesce(SW_REASON, '') <> 'FCONTA'
         AND CHILD IN ({cla})"""


def test_SW12STG2():
    got = issues(sql, 2025, episodes="""
        CHILD | DECOM      | RNE | LS | DEC        | REC
        1     | 01/06/2024 | S   | C2 |            |
        2     | 01/06/2024 | S   | C2 |            |
        3     | 01/06/2024 | S   | C2 |            |
        4     | 01/06/2024 | S   | V3 |            |
        5     | 01/06/2024 | S   | C2 | 01/09/2024 | E11
        6     | 01/06/2024 | S   | C2 |            |
        7     | 01/06/2024 | S   | C2 |            |
        8     | 01/06/2024 | S   | C2 |            |
    """, social_worker="""
        CHILD | SW_ID | SW_DECOM   | SW_DEC     | SW_REASON
        1     | SW1   | 01/04/2024 | 01/07/2024 | OTHERS
        1     | SW2   | 01/07/2024 |            | LEFTRL
        2     | SW1   | 02/04/2024 | 01/07/2024 | MANAGE
        2     | SW2   | 01/07/2024 |            | LEFTRL
        5     | SW1   | 01/06/2024 |            | MANAGE
        6     | SW1   | 01/05/2024 |            | FCONTA
        7     | SW1   | 01/05/2024 |            |
        8     | SW1   | 01/01/2020 | 31/12/2023 | OTHERS
        8     | SW2   | 01/06/2024 |            | MANAGE
    """)
    # 1: covered from 1 April; 2: from 2 April; 3: none at all; 4: short breaks; 5: left care; 6: first contact;
    # 7: began after 1 April, reason blank; 8: earliest began before 1 April (the gap is SW10a's)
    assert sorted((i.table, i.row) for i in got) == [("episodes", 4), ("social_worker", 4), ("social_worker", 8)]
