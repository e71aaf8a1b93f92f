"""903 rule INT34: a child with more than one row in OC3: every one of its OC3 rows is
flagged, as the DfE's validator does (the DfE's text names no one row as the wrong one); rows with a
blank CHILD are not counted. Shared shape: ``_integrity.more_than_once``."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._integrity import more_than_once
from casewatch.rules.testing import flagged


@rule("INT34", "ssda903", "Internal Check: Child should only exist once in OC3.",
      tables=("oc3",), fields=("CHILD",))
def sql(year: int) -> str:
    return more_than_once("oc3")


def test_INT34():
    assert flagged(sql, 2024, oc3="""
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
    """, oc3_last="""
        CHILD | DOB
        3     | 01/01/2012
        4     | 01/01/2013
    """) == [2, 3, 4, 8]
