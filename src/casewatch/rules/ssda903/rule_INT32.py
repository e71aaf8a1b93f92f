"""903 rule INT32: a child with more than one row in Header: every one of its Header rows is
flagged, as the DfE's validator does (the DfE's text names no one row as the wrong one); rows with a
blank CHILD are not counted. Shared shape: ``_integrity.more_than_once``."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._integrity import more_than_once
from casewatch.rules.testing import flagged


@rule("INT32", "ssda903", "Internal Check: Child should only exist once in Header.",
      tables=("header",), fields=("CHILD",))
def sql(year: int) -> str:
    return more_than_once("header")


def test_INT32():
    assert flagged(sql, 2024, header="""
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
    """, header_last="""
        CHILD | DOB
        3     | 01/01/2012
        4     | 01/01/2013
    """) == [2, 3, 4, 8]
