"""903 rule 544: A child with conviction information completed must have immunisations, teeth check, health
assessment and substance misuse completed.

The DfE's text is "conviction information completed" (CONVICTED provided); the DfE's validator judges only
CONVICTED 1. casewatch follows the text."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("544", "ssda903", "Any child who has conviction information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.", tables=("oc2",), fields=("CONVICTED",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM oc2
       WHERE CONVICTED IS NOT NULL AND (IMMUNISATIONS IS NULL OR TEETH_CHECK IS NULL OR HEALTH_ASSESSMENT IS NULL
                                  OR SUBSTANCE_MISUSE IS NULL)"""


def test_544():
    assert flagged(sql, 2024, oc2="""
        CHILD | CONVICTED | IMMUNISATIONS | TEETH_CHECK | HEALTH_ASSESSMENT | SUBSTANCE_MISUSE
        1     | 1         | 1             | 1           | 1                 | 0
        2     | 1         | 1             |             | 1                 | 0
        3     | 0         |               |             |                   |
        4     | 1         | 1             | 1           | 1                 |
        5     |           |               |             |                   |
    """) == [3, 4, 5]
