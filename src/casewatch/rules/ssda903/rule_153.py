"""903 rule 153: The OC3 (care leaver) items IN_TOUCH, ACTIV and ACCOM are all completed or all blank."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("153", "ssda903", "All data items relating to a child's activity or accommodation after leaving care must be coded or left blank.", tables=("oc3",), fields=("IN_TOUCH", "ACTIV", "ACCOM"))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM oc3
       WHERE (IN_TOUCH IS NULL OR ACTIV IS NULL OR ACCOM IS NULL)
         AND (IN_TOUCH IS NOT NULL OR ACTIV IS NOT NULL OR ACCOM IS NOT NULL)"""


def test_153():
    assert flagged(sql, 2024, oc3="""
        CHILD | IN_TOUCH | ACTIV | ACCOM
        1     | YES      | F2    | B
        2     |          |       |
        3     | YES      |       | B
        4     |          | F2    |
    """) == [4, 5]
