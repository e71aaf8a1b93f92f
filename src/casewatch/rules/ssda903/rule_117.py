"""903 rule 117: Adoption decisions dated in the future or after the child left care.

The DfE's text: if provided, DATE_PLACED and DATE_PLACED_CEASED must not be after the collection end date
(31 March) nor after the DEC of the child's latest episode whose REC is not X1 (latest by DECOM; an open
latest episode has no DEC and so sets no bound). The placed-for-adoption row is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("117", "ssda903", "Date of decision that a child should/should no longer be placed for adoption is beyond the current collection year or after the child ceased to be looked after.", tables=("placed_adoption", "episodes"), fields=("DATE_PLACED",))
def sql(year: int) -> str:
    return f"""SELECT p._file, p._row, p.CHILD AS child FROM placed_adoption p LEFT JOIN (
        SELECT CHILD, DEC FROM episodes WHERE DECOM IS NOT NULL AND coalesce(REC <> 'X1', true)
        QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY DECOM DESC) = 1) e ON e.CHILD = p.CHILD
       WHERE p.DATE_PLACED > DATE '{year}-03-31' OR p.DATE_PLACED_CEASED > DATE '{year}-03-31'
          OR p.DATE_PLACED > e.DEC OR p.DATE_PLACED_CEASED > e.DEC"""


def test_117():
    assert flagged(sql, 2018, episodes="""
        CHILD | DECOM      | DEC        | REC
        1     | 01/01/2000 | 01/01/2017 | E11
        2     | 01/01/2000 | 01/01/2017 | E11
        2     | 01/01/2017 |            |
        3     | 01/01/2010 | 01/01/2017 | E11
        3     | 01/01/2017 | 01/02/2017 | X1
        4     | 01/01/2010 |            |
    """, placed_adoption="""
        CHILD | DATE_PLACED | DATE_PLACED_CEASED
        1     | 26/05/2000  | 26/05/2000
        1     | 26/05/2000  | 01/07/2018
        1     | 01/02/2016  | 26/05/2017
        2     | 01/02/2016  | 26/05/2017
        3     | 02/01/2017  |
        4     | 26/05/2019  |
        5     | 01/02/2018  |
    """) == [3, 4, 6, 7]
