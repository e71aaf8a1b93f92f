"""903 rule 205A: a child UASC last year but not this year, whose DUC in the two years does not say so.

UASC status is read from the UASC table (``_uasc.py``: a row whose DUC is blank or not before the year began).
For a child in this year's header who was UASC last year and is not UASC this year, last year's DUC must be in
last year (the status ceased then) and this year's return must hold no DUC for the child (the DfE validator's
reading). casewatch flags the child's header row this year: the child may have no UASC row this year. (The DfE
validator looks only at children with a UASC row this year, and for a CSV return takes every such child as
UASC, so for CSV it never reports 205A; casewatch reports the child either way.)"""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._uasc import end, is_uasc, start
from casewatch.rules.testing import flagged


@rule("205A", "ssda903", "Child identified as UASC last year is no longer UASC this year, but date UASC ceased in both years does not support this.", tables=("header", "uasc", "uasc_last"), fields=("CHILD",))
def sql(year: int) -> str:
    return f"""SELECT h._file, h._row, h.CHILD AS child FROM header h
       WHERE {is_uasc('h.CHILD', 'uasc_last', year - 1)} AND NOT {is_uasc('h.CHILD', 'uasc', year)}
         AND (NOT EXISTS (SELECT 1 FROM uasc_last l WHERE l.CHILD = h.CHILD
                          AND l.DUC BETWEEN {start(year - 1)} AND {end(year - 1)})
              OR EXISTS (SELECT 1 FROM uasc u WHERE u.CHILD = h.CHILD AND u.DUC IS NOT NULL))"""


def test_205A():
    # 2023-24: UASC last year means a 2022-23 UASC row with DUC blank or on/after 01/04/2022
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 04/06/2004
        2     | 03/03/2002
        3     | 28/03/2005
        4     | 16/04/2001
        5     | 04/11/2004
        6     | 01/01/2008
        7     | 01/01/2008
        8     | 01/01/2008
        9     | 01/01/2008
    """, uasc_last="""
        CHILD | DUC
        1     | 20/01/2023
        2     | 31/03/2023
        3     | 01/04/2023
        4     |
        5     | 04/11/2022
        6     | 31/03/2022
        7     | 01/04/2022
        8     | 01/01/2026
        9     | 01/01/2026
    """, uasc="""
        CHILD | DUC
        5     | 04/11/2022
        8     | 01/01/2026
        9     | 10/05/2023
    """) == [4, 5, 6]
