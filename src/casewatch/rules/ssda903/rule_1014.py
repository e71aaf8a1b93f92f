"""903 rule 1014: UASC information for a care leaver: a UASC row for a child with care leaver information
(any of OC3 IN_TOUCH, ACTIV, ACCOM) and no episode in the collection year.

The DfE's validator judges only children with episodes in the return (none of them in the year); the
DfE's text is about care leavers, so casewatch also flags one with no episodes at all."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("1014", "ssda903", "UASC information is not required for care leavers", tables=("uasc", "oc3", "episodes"), fields=("DUC",))
def sql(year: int) -> str:
    start, end = f"DATE '{int(year) - 1}-04-01'", f"DATE '{int(year)}-03-31'"
    return f"""SELECT u._file, u._row, u.CHILD AS child FROM uasc u
       WHERE EXISTS (SELECT 1 FROM oc3 o WHERE o.CHILD = u.CHILD
                     AND (o.IN_TOUCH IS NOT NULL OR o.ACTIV IS NOT NULL OR o.ACCOM IS NOT NULL))
         AND NOT EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = u.CHILD AND e.DECOM <= {end}
                         AND (e.DEC IS NULL OR e.DEC >= {start}))"""


def test_1014():
    assert flagged(sql, 2024, uasc="""
        CHILD | DUC
        1     | 01/01/2022
        2     | 01/01/2022
        3     | 01/01/2022
        4     | 01/01/2022
    """, oc3="""
        CHILD | IN_TOUCH
        1     | YES
        2     | YES
        3     | YES
    """, episodes="""
        CHILD | DECOM      | DEC
        1     | 01/01/2020 | 01/06/2022
        2     | 01/01/2020 | 01/06/2023
    """) == [2, 4]
