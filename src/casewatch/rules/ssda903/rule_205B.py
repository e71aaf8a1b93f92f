"""903 rule 205B: a child UASC both last year and this year, whose DUC in the two years does not say so.

UASC status is read from the UASC table (``_uasc.py``: a row whose DUC is blank or not before the year began).
For a child UASC in both years, last year's DUC must be the child's 18th birthday (the date a UASC's status
ceases when nothing ends it sooner, as the DfE asks DUC to be given while the child is still UASC), and this
year's DUC must be in this year or the same as last year's (the DfE validator's reading; a blank DUC in
either year therefore fails it, as it does in the DfE validator). The date of birth is last year's UASC row's,
else this year's. casewatch flags this year's UASC row."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._uasc import end, is_uasc, start, status_row
from casewatch.rules.testing import flagged


@rule("205B", "ssda903", "Child previously identified as UASC is also UASC this year, but date UASC ceased in both years does not support this.", tables=("uasc", "uasc_last"), fields=("DUC",))
def sql(year: int) -> str:
    eighteen = "CAST(coalesce(l.DOB, u.DOB) + INTERVAL 18 YEAR AS DATE)"
    return f"""SELECT u._file, u._row, u.CHILD AS child,
              'a date from 01/04/{year - 1} to 31/03/{year}, or last year''s DUC if that is the 18th birthday'
              AS expected
       FROM uasc u
       WHERE {status_row('u', year)} AND {is_uasc('u.CHILD', 'uasc_last', year - 1)}
         AND NOT EXISTS (SELECT 1 FROM uasc_last l WHERE l.CHILD = u.CHILD AND {status_row('l', year - 1)}
                         AND l.DUC = {eighteen}
                         AND (u.DUC BETWEEN {start(year)} AND {end(year)} OR u.DUC = l.DUC))"""


def test_205B():
    assert flagged(sql, 2024, uasc_last="""
        CHILD | DOB        | DUC
        1     | 23/07/2006 | 23/07/2024
        2     | 23/07/2005 | 23/07/2023
        3     | 23/07/2006 | 23/07/2024
        4     | 23/07/2006 | 01/01/2024
        5     | 23/07/2006 |
        6     | 23/07/2006 | 23/07/2024
        7     | 23/07/2006 | 23/07/2024
        8     | 23/07/2003 | 23/07/2021
        9     | 29/02/2008 | 28/02/2026
    """, uasc="""
        CHILD | DOB        | DUC
        1     | 23/07/2006 | 23/07/2024
        2     | 23/07/2005 | 23/07/2023
        3     | 23/07/2006 | 10/10/2023
        4     | 23/07/2006 | 01/01/2024
        5     | 23/07/2006 | 23/07/2024
        6     | 23/07/2006 |
        7     | 23/07/2006 | 24/07/2024
        8     | 23/07/2003 | 23/07/2021
        9     | 29/02/2008 | 28/02/2026
        10    | 23/07/2006 | 23/07/2024
    """) == [5, 6, 7, 8]
