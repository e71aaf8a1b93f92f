"""903 rule 580: A child still missing when they ceased to be looked after at 18 (a missing period ending
on their 18th birthday, the day an episode ended) whose episode ended for a reason other than E8 (any
other reason). Judged, as the DfE's validator does, with the date of birth in the Missing table. The
episode is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("580", "ssda903", "Child is missing when cease being looked after but reason episode ceased not ‘E8’.", tables=("episodes", "missing"), fields=("REC",))
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM episodes e
       WHERE e.DEC IS NOT NULL AND e.REC IS DISTINCT FROM 'E8'
         AND EXISTS (SELECT 1 FROM missing m WHERE m.CHILD = e.CHILD AND m.MIS_END = e.DEC
                     AND m.MIS_END = m.DOB + INTERVAL 18 YEAR)"""


def test_580():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | REC
        1     | 01/01/2020 | 01/06/2023 | E7
        2     | 01/01/2020 | 05/06/2023 | E8
        3     | 01/01/2020 | 08/06/2023 | E4A
        4     | 01/01/2020 | 09/06/2023 | E4A
    """, missing="""
        CHILD | DOB        | MISSING | MIS_START  | MIS_END
        1     | 01/06/2005 | M       | 20/05/2023 | 01/06/2023
        2     | 05/06/2005 | M       | 20/05/2023 | 05/06/2023
        3     | 09/06/2005 | M       | 20/05/2023 | 08/06/2023
        4     | 09/06/2005 | M       | 20/05/2023 | 09/06/2023
    """) == [2, 5]
