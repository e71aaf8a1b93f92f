"""903 rule 1011: Care leaver information (any of OC3 IN_TOUCH, ACTIV, ACCOM) for a child whose final
episode in the return (latest DECOM) ended with care transferred to another local authority (REC E3)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("1011", "ssda903", "This child is recorded as having his/her care transferred to another local authority for the final episode and therefore should not have the care leaver information completed.", tables=("oc3", "episodes"), fields=("IN_TOUCH",))
def sql(year: int) -> str:
    return """SELECT o._file, o._row, o.CHILD AS child FROM oc3 o
       JOIN (SELECT CHILD, arg_max(REC, DECOM) AS last_rec FROM episodes GROUP BY CHILD) e ON e.CHILD = o.CHILD
       WHERE e.last_rec = 'E3' AND (o.IN_TOUCH IS NOT NULL OR o.ACTIV IS NOT NULL OR o.ACCOM IS NOT NULL)"""


def test_1011():
    assert flagged(sql, 2024, oc3="""
        CHILD | IN_TOUCH | ACCOM
        1     | YES      |
        2     | YES      | S
        3     |          |
    """, episodes="""
        CHILD | DECOM      | DEC        | REC
        1     | 01/04/2023 | 01/06/2023 | E3
        2     | 01/04/2023 | 01/06/2023 | E3
        2     | 01/07/2023 | 01/08/2023 | E4A
        3     | 01/04/2023 | 01/06/2023 | E3
    """) == [2]
