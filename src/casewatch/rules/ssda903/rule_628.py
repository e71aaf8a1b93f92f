"""903 rule 628: Motherhood details (MOTHER) for a care leaver (OC3 data given) with no episodes in the
return. The header row is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("628", "ssda903", "Motherhood details are not required for care leavers who have not been looked after during the year.", tables=("header", "oc3", "episodes"), fields=("MOTHER",))
def sql(year: int) -> str:
    return """SELECT h._file, h._row, h.CHILD AS child FROM header h
       WHERE h.MOTHER IS NOT NULL AND h.CHILD NOT IN (SELECT CHILD FROM episodes WHERE CHILD IS NOT NULL)
         AND EXISTS (SELECT 1 FROM oc3 o WHERE o.CHILD = h.CHILD
                     AND (o.IN_TOUCH IS NOT NULL OR o.ACTIV IS NOT NULL OR o.ACCOM IS NOT NULL))"""


def test_628():
    assert flagged(sql, 2024, header="""
        CHILD | MOTHER
        1     | 0
        2     | 0
        3     |
        4     | 1
    """, oc3="""
        CHILD | IN_TOUCH | ACTIV | ACCOM
        1     | YES      | F2    | S
        2     | YES      | F2    | S
        3     | YES      | F2    | S
        4     |          |       |
    """, episodes="""
        CHILD | DECOM
        2     | 01/05/2023
    """) == [2]
