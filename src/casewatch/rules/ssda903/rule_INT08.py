"""903 rule INT08: a Reviews row whose CHILD is not in this year's Header (or is blank); the Reviews
row is flagged. Shared shape and its judgement calls: ``_integrity.not_in_header``."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._integrity import not_in_header
from casewatch.rules.testing import flagged


@rule("INT08", "ssda903", "Internal Check: Child in Reviews does not exist in Header.",
      tables=("reviews", "header"), fields=("CHILD",))
def sql(year: int) -> str:
    return not_in_header("reviews")


def test_INT08():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/04/2010
        2     | 02/05/2011
        3     |
    """, reviews="""
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


def test_INT08_no_header_loaded():
    assert flagged(sql, 2024, reviews="""
        CHILD | DOB
        4     | 01/04/2010
    """) == []
