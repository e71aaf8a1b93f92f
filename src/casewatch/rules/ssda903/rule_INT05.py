"""903 rule INT05: an OC2 row whose CHILD is not in this year's Header (or is blank); the OC2
row is flagged. Shared shape and its judgement calls: ``_integrity.not_in_header``."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._integrity import not_in_header
from casewatch.rules.testing import flagged


@rule("INT05", "ssda903", "Internal Check: Child in OC2 does not exist in Header.",
      tables=("oc2", "header"), fields=("CHILD",))
def sql(year: int) -> str:
    return not_in_header("oc2")


def test_INT05():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/04/2010
        2     | 02/05/2011
        3     |
    """, oc2="""
        CHILD | DOB
        1     | 01/04/2010
        4     | 01/04/2010
        2     |
              | 01/04/2010
        4     | 01/04/2010
        3     | 01/01/2012
        01    | 01/04/2010
    """, header_last="""
        CHILD | DOB
        4     | 01/04/2010
        01    | 01/04/2010
    """) == [3, 5, 6, 8]


def test_INT05_no_header_loaded():
    assert flagged(sql, 2024, oc2="""
        CHILD | DOB
        4     | 01/04/2010
    """) == []
