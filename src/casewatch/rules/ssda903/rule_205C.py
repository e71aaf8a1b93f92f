"""903 rule 205C: a date UASC ceased (DUC) for a child who was UASC neither this year nor last year.

UASC status is read from the UASC table (``_uasc.py``: a row whose DUC is blank or not before the year began).
So the DUC this rule can see is one on a row of this year's UASC table that is before the year began, for a
child with no row making them UASC this year and none making them UASC last year: a former UASC whose status
ceased before last year, still reported (XML: <UASC>0</UASC> with a DUC, in both years). casewatch flags that
row. A DUC given last year only cannot be seen this year. (The DfE validator sees this only through the XML
header flag; for a CSV return it takes every child in the UASC table as UASC, so it never reports 205C.)"""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._uasc import is_uasc, start
from casewatch.rules.testing import flagged


@rule("205C", "ssda903", "Child not identified as UASC either this year or last year but date UASC ceased has been provided.", tables=("uasc", "uasc_last"), fields=("DUC",))
def sql(year: int) -> str:
    return f"""SELECT u._file, u._row, u.CHILD AS child FROM uasc u
       WHERE u.DUC < {start(year)} AND NOT {is_uasc('u.CHILD', 'uasc', year)}
         AND NOT {is_uasc('u.CHILD', 'uasc_last', year - 1)}"""


def test_205C():
    # 2023-24 starts 01/04/2023; 2022-23 on 01/04/2022
    assert flagged(sql, 2024, uasc_last="""
        CHILD | DUC
        1     | 19/02/2022
        2     | 19/02/2023
        3     | 19/02/2021
        5     |
    """, uasc="""
        CHILD | DUC
        1     | 19/02/2022
        2     | 19/02/2023
        3     | 19/02/2021
        3     |
        4     | 31/03/2022
        5     | 19/02/2023
        6     | 01/04/2023
        7     |
    """) == [2, 6]
