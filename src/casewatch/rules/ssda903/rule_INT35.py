"""903 rule INT35: a child with more than one row in PrevPerm: every one of its PrevPerm rows is
flagged, as the DfE's validator does (the DfE's text names no one row as the wrong one); rows with a
blank CHILD are not counted. Shared shape: ``_integrity.more_than_once``."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._integrity import more_than_once
from casewatch.rules.testing import flagged


@rule("INT35", "ssda903", "Internal Check: Child should only exist once in PrevPerm.",
      tables=("prev_perm",), fields=("CHILD",))
def sql(year: int) -> str:
    return more_than_once("prev_perm")


def test_INT35():
    assert flagged(sql, 2024, prev_perm="""
        CHILD | DOB
        1     | 01/04/2010
        2     | 02/05/2011
        1     | 01/04/2010
        3     | 01/01/2012
              | 01/01/2012
              | 01/01/2012
        2     | 03/05/2011
        4     | 01/01/2013
        01    | 01/04/2010
    """, prev_perm_last="""
        CHILD | DOB
        3     | 01/01/2012
        4     | 01/01/2013
    """) == [2, 3, 4, 8]
