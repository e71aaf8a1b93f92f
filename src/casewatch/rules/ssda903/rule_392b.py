"""903 rule 392b: A looked-after child's episode must have both home and placement postcodes.

The DfE's text: unless the child is (or was) an unaccompanied asylum-seeking child or LS is V3 or V4,
HOME_POST and PL_POST must be provided. casewatch takes a child as UASC or formerly UASC when the UASC table
has a row for them (with or without a date UASC ceased) or the header's UASC flag is 1; last year's return is
not consulted, so a former UASC known only from it can be a false positive, as the DfE's own note warns."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("392b", "ssda903", "Child is looked after but no postcodes are recorded. [NOTE: This check may result in false positives for children formerly UASC, particularly if current & prior year UASC data not loaded]", tables=("episodes", "uasc", "header"), fields=("HOME_POST", "PL_POST"))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes
       WHERE (HOME_POST IS NULL OR PL_POST IS NULL) AND (LS IS NULL OR LS NOT IN ('V3', 'V4'))
         AND CHILD NOT IN (SELECT CHILD FROM uasc WHERE CHILD IS NOT NULL
                           UNION SELECT CHILD FROM header WHERE UASC = '1' AND CHILD IS NOT NULL)"""


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


def test_392b_uasc_without_a_date_ceased_or_by_the_header_flag():
    assert flagged(sql, 2025, episodes="""
        CHILD | LS | HOME_POST | PL_POST
        1     | C2 |           |
        2     | C2 |           |
        3     | C2 |           |
    """, uasc="""
        CHILD | DUC
        1     |
    """, header="""
        CHILD | UASC
        2     | 1
        3     | 0
    """) == [4]
