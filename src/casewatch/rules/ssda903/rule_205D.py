"""903 rule 205D: a child UASC this year who was in last year's return and was not UASC in it.

UASC status is read from the UASC table (``_uasc.py``: a row whose DUC is blank or not before the year began).
casewatch flags this year's UASC row of a child UASC this year who is in last year's header with no row making
them UASC last year (no UASC row, or only one whose DUC was before last year began). A child not in last year's
return is not judged (the DfE validator's reading: the child must be in both years' headers)."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._uasc import is_uasc, status_row
from casewatch.rules.testing import flagged


@rule("205D", "ssda903", "Child identified as UASC this year but not identified as UASC status provided for the child last year.", tables=("uasc", "header_last", "uasc_last"), fields=("CHILD",))
def sql(year: int) -> str:
    return f"""SELECT u._file, u._row, u.CHILD AS child FROM uasc u
       WHERE {status_row('u', year)} AND u.CHILD IN (SELECT CHILD FROM header_last)
         AND NOT {is_uasc('u.CHILD', 'uasc_last', year - 1)}"""


def test_205D():
    assert flagged(sql, 2024, header_last="""
        CHILD | DOB
        1     | 14/06/2006
        2     | 14/06/2006
        3     | 14/06/2006
        4     | 14/06/2006
        6     | 14/06/2006
    """, uasc_last="""
        CHILD | DUC
        1     | 14/06/2024
        2     |
        3     | 31/03/2022
        6     | 01/04/2022
    """, uasc="""
        CHILD | DUC
        1     | 14/06/2024
        2     |
        3     | 14/06/2024
        4     |
        5     | 14/06/2024
        6     | 02/03/2023
        7     | 02/03/2022
    """) == [4, 5]
