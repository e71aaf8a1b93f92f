"""903 rule 348 (from 2025-26): a care leaver reported last year as having died (OC3 IN_TOUCH DIED) is
reported this year as anything else.

As in the DfE validator, a care leaver with an OC3 row in both years whose IN_TOUCH was DIED last year must be
DIED again this year; another code or a blank is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("348", "ssda903", "Care leaver has previously been reported as having died.", tables=("oc3", "oc3_last"), fields=("IN_TOUCH",), since=2026)
def sql(year: int) -> str:
    return """SELECT o._file, o._row, o.CHILD AS child, 'DIED, as last year' AS expected FROM oc3 o
       WHERE o.IN_TOUCH IS DISTINCT FROM 'DIED'
         AND EXISTS (SELECT 1 FROM oc3_last l WHERE l.CHILD = o.CHILD AND l.IN_TOUCH = 'DIED')"""


def test_348():
    assert flagged(sql, 2026, oc3="""
        CHILD | IN_TOUCH
        1     | DIED
        2     | YES
        3     | DIED
        4     | NO
        5     |
        6     | YES
    """, oc3_last="""
        CHILD | IN_TOUCH
        1     | DIED
        2     | DIED
        3     | YES
        4     | NO
        5     | DIED
    """) == [3, 6]
