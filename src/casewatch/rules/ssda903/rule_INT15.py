"""903 rule INT15: an OC3 row whose DOB is not the DOB the Header gives the same child; the
OC3 row is flagged, only where both dates are given. Shared shape and its judgement calls:
``_integrity.differs_from_header``."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._integrity import differs_from_header
from casewatch.rules.testing import flagged


@rule("INT15", "ssda903", "Internal Check: DOB in OC3 is different to DOB in Header.",
      tables=("oc3", "header"), fields=("DOB",))
def sql(year: int) -> str:
    return differs_from_header("oc3", "DOB")


def test_INT15():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/04/2010
        2     | 02/05/2011
        3     |
        5     | 01/01/2012
        6     | 01/06/2013
        6     | 02/06/2013
    """, oc3="""
        CHILD | DOB
        1     | 01/04/2010
        2     | 05/02/2011
        3     | 01/01/2010
        1     |
        4     | 01/01/2010
        5     | 02/01/2012
        2     | !31/02/2011
        6     | 01/06/2013
        7     | 01/01/2012
    """, header_last="""
        CHILD | DOB
        1     | 02/04/2010
        7     | 02/01/2012
    """) == [3, 7, 9]
