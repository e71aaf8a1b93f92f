"""903 rule 303: a child with a date UASC status ceased must have UASC status 1 in the header.

The DfE's text: if the date UASC status ceased (DUC, UASC table) is not blank, the header's UASC status must be
1. Both rows are flagged, as the DfE's validator flags both: the UASC row (DUC) and the header row (UASC). A
header without the flag (a CSV, whose header has no UASC column) is not judged: the DfE's validator, too,
derives the flag there from the UASC table itself, so it can never disagree; a blank flag in an XML header
is rule 105's."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import issues


@rule("303", "ssda903", "If date Unaccompanied Asylum-Seeking Child (UASC) status ceased is not null, UASC status must be coded 1.", tables=("uasc", "header"), fields=("DUC", "UASC"))
def sql(year: int) -> str:
    return """SELECT u._file, u._row, u.CHILD AS child, 'uasc' AS _table, 'DUC' AS field FROM uasc u
       WHERE u.DUC IS NOT NULL
         AND EXISTS (SELECT 1 FROM header h WHERE h.CHILD = u.CHILD AND h.UASC <> '1')
       UNION ALL
       SELECT h._file, h._row, h.CHILD AS child, 'header' AS _table, 'UASC' AS field FROM header h
       WHERE h.UASC <> '1' AND EXISTS (SELECT 1 FROM uasc u WHERE u.CHILD = h.CHILD AND u.DUC IS NOT NULL)"""


def test_303():
    found = issues(sql, 2024, uasc="""
        CHILD | DUC
        0     |
        1     | 04/04/2021
        2     | 01/06/2020
        3     |
        4     | 10/04/2020
        5     | 01/03/2021
        6     | 01/03/2021
    """, header="""
        CHILD | UASC
        0     | 0
        1     | 1
        2     | 0
        3     | 1
        4     | 2
        5     | 1
        6     |
    """)
    assert sorted((i.table, i.row, i.field) for i in found) == [
        ("header", 4, "UASC"), ("header", 6, "UASC"), ("uasc", 4, "DUC"), ("uasc", 6, "DUC")]
