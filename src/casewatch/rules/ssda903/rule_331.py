"""903 rule 331: The child must be matched with adopters on or before being placed for adoption.

The DfE's text: where an episode ceased because the child was adopted (REC E11 or E12), AD1's DATE_MATCH
must be on or before the DECOM of that episode (the start of the adoption placement). The AD1 row is
reported."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("331", "ssda903", "Date of matching child and adopter(s) should be the same as, or prior to, the date of placement of adoption.", tables=("ad1", "episodes"), fields=("DATE_MATCH",))
def sql(year: int) -> str:
    return """SELECT DISTINCT a._file, a._row, a.CHILD AS child FROM ad1 a JOIN episodes e ON e.CHILD = a.CHILD
       WHERE e.REC IN ('E11', 'E12') AND a.DATE_MATCH > e.DECOM"""


def test_331():
    assert flagged(sql, 2024, ad1="""
        CHILD | DATE_MATCH
        1     | 01/06/2023
        2     | 02/06/2023
        3     | 02/06/2023
    """, episodes="""
        CHILD | DECOM      | DEC        | REC
        1     | 01/06/2023 | 01/12/2023 | E11
        2     | 01/06/2023 | 01/12/2023 | E12
        3     | 01/06/2023 | 01/12/2023 | X1
    """) == [3]
