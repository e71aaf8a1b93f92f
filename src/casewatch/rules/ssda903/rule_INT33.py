"""903 rule INT33: a child with more than one row in OC2: every one of its OC2 rows is
flagged, as the DfE's validator does (the DfE's text names no one row as the wrong one); rows with a
blank CHILD are not counted. Shared shape: ``_integrity.more_than_once``."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._integrity import more_than_once
from casewatch.rules.testing import flagged


@rule("INT33", "ssda903", "Internal Check: Child should only exist once in OC2.",
      tables=("oc2",), fields=("CHILD",))
def sql(year: int) -> str:
    return more_than_once("oc2")


def test_INT33():
    assert flagged(sql, 2024, oc2="""
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
    """, oc2_last="""
        CHILD | DOB
        3     | 01/01/2012
        4     | 01/01/2013
    """) == [2, 3, 4, 8]
