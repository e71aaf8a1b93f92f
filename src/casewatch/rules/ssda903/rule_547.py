"""903 rule 547: A child with health promotion information completed must have immunisations, teeth check, health
assessment and substance misuse completed.

The DfE's text is "health promotion information completed" (HEALTH_CHECK provided); the DfE's validator judges only
HEALTH_CHECK 1. casewatch follows the text."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("547", "ssda903", "Any child who has health promotion information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.", tables=("oc2",), fields=("HEALTH_CHECK",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM oc2
       WHERE HEALTH_CHECK IS NOT NULL AND (IMMUNISATIONS IS NULL OR TEETH_CHECK IS NULL OR HEALTH_ASSESSMENT IS NULL
                                  OR SUBSTANCE_MISUSE IS NULL)"""


def test_547():
    assert flagged(sql, 2024, oc2="""
        CHILD | HEALTH_CHECK | IMMUNISATIONS | TEETH_CHECK | HEALTH_ASSESSMENT | SUBSTANCE_MISUSE
        1     | 1         | 1             | 1           | 1                 | 0
        2     | 1         | 1             |             | 1                 | 0
        3     | 0         |               |             |                   |
        4     | 1         | 1             | 1           | 1                 |
        5     |           |               |             |                   |
    """) == [3, 4, 5]
