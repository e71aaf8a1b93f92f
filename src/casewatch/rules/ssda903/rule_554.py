"""903 rule 554: The decision that the child should be placed for adoption (DATE_PLACED) comes after the
placement order was granted: the start (DECOM) of the child's first episode with LS E1 in the return,
which is flagged. (The DfE notes the rule may mislead where the relevant episodes are in earlier years.)"""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("554", "ssda903", "Date of decision that the child should be placed for adoption should be on or prior to the date that the placement order was granted. [NOTE: This rule may result in false positives or false negatives if relevant episodes are in previous years; please check carefully!]", tables=("episodes", "placed_adoption"), fields=("DECOM",))
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM (
          SELECT *, row_number() OVER (PARTITION BY CHILD ORDER BY DECOM, _row) AS n FROM episodes
          WHERE LS = 'E1' AND DECOM IS NOT NULL) e
       WHERE e.n = 1 AND EXISTS (SELECT 1 FROM placed_adoption p WHERE p.CHILD = e.CHILD AND p.DATE_PLACED > e.DECOM)"""


def test_554():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | LS
        1     | 01/05/2023 | E1
        2     | 01/05/2023 | E1
        2     | 01/07/2023 | E1
        3     | 01/05/2023 | C2
        4     | 01/05/2023 | E1
    """, placed_adoption="""
        CHILD | DATE_PLACED
        1     | 01/05/2023
        2     | 01/06/2023
        3     | 01/06/2023
        4     |
    """) == [3]
