"""903 rule 333: The adoption decision must come on or before matching."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("333", "ssda903", "Date should be placed for adoption must be on or prior to the date of matching child with adopter(s).", tables=("ad1", "placed_adoption"), fields=("DATE_MATCH",))
def sql(year: int) -> str:
    return """SELECT a._file, a._row, a.CHILD AS child FROM ad1 a JOIN placed_adoption p ON p.CHILD = a.CHILD WHERE a.DATE_MATCH < p.DATE_PLACED"""


def test_333():
    assert flagged(sql, 2024, placed_adoption="""
        CHILD | DATE_PLACED
        1     | 01/06/2023
        2     | 01/06/2023
    """, ad1="""
        CHILD | DATE_MATCH
        1     | 31/05/2023
        2     | 01/06/2023
    """) == [2]
