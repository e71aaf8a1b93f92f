"""903 rule 392b: A looked-after child's episode must have both home and placement postcodes.

The DfE's text: unless the child is (or was) an unaccompanied asylum-seeking child or LS is V3 or V4,
HOME_POST and PL_POST must be provided. casewatch takes a child with a UASC record (a UASC table row with a
date UASC ceased) as UASC; the DfE's UASC flag in the header and last year's return are not staged, so a
former UASC known only from those can be a false positive, as the DfE's own note warns."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("392b", "ssda903", "Child is looked after but no postcodes are recorded. [NOTE: This check may result in false positives for children formerly UASC, particularly if current & prior year UASC data not loaded]", tables=("episodes", "uasc"), fields=("HOME_POST", "PL_POST"))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes
       WHERE (HOME_POST IS NULL OR PL_POST IS NULL) AND (LS IS NULL OR LS NOT IN ('V3', 'V4'))
         AND CHILD NOT IN (SELECT CHILD FROM uasc WHERE DUC IS NOT NULL AND CHILD IS NOT NULL)"""


def test_392b():
    assert flagged(sql, 2024, episodes="""
        CHILD | LS | HOME_POST | PL_POST
        1     | C2 | AB1 2CD   | EF3 4GH
        2     | C2 |           | EF3 4GH
        3     | V3 |           |
        4     | C2 | AB1 2CD   |
        5     | C2 |           |
    """, uasc="""
        CHILD | DUC
        5     | 01/06/2024
    """) == [3, 5]
