"""903 rule 556: The decision that the child should be placed for adoption (DATE_PLACED) comes after the
freeing order was granted (the DECOM of an episode with LS D1, which is flagged). In the DfE's rules until
2023-24."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("556", "ssda903", "Date of decision that the child should be placed for adoption should be on or prior to the date that the freeing order was granted.", tables=("episodes", "placed_adoption"), fields=("DECOM",), until=2024)
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM episodes e
       WHERE e.LS = 'D1' AND EXISTS (SELECT 1 FROM placed_adoption p WHERE p.CHILD = e.CHILD AND p.DATE_PLACED > e.DECOM)"""


def test_556():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | LS
        1     | 01/05/2023 | D1
        2     | 01/05/2023 | D1
        3     | 01/05/2023 | E1
    """, placed_adoption="""
        CHILD | DATE_PLACED
        1     | 01/05/2023
        2     | 02/05/2023
        3     | 02/05/2023
    """) == [3]
