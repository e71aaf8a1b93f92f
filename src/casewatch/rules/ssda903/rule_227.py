"""903 rule 227 (episodes.URN): the provider was not closed when the episode began.

The DfE's text: if a URN is given and is not XXXXXXX, and Ofsted's lists give the provider a closure
(deregistration) date, DECOM must be before it. A URN on several rows (on both lists, or one row per setting)
is closed only when every row of it has a closure date, on the latest of them (``by_urn``). A blank DECOM,
or a URN not in the lists (rule 1008's error), is not flagged. The lists' registration dates are not checked:
the DfE's text has only the closure date.
"""

from casewatch.returns.reference.providers import by_urn, given, urn_sql
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("227", "ssda903", "Ofsted Unique reference number (URN) is not valid for the episode start date.",
      tables=("episodes", "reference.providers"), fields=("URN", "DECOM"))
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child, e.URN AS value FROM episodes e
       JOIN {by_urn()} p ON p.urn = {urn_sql('e.URN')}
       WHERE {given()} AND p.closed IS NOT NULL AND e.DECOM >= p.closed"""


def test_227():
    assert flagged(sql, 2025, reference__providers="""
        urn | closed
        SC1 | 01/06/2024
        SC2 |
        SC3 | 01/06/2024
        SC3 |
        SC4 | 01/01/2024
        SC4 | 01/08/2024
    """, episodes="""
        CHILD | DECOM      | URN
        1     | 31/05/2024 | SC1
        2     | 01/06/2024 | SC1
        3     | 02/06/2024 | sc1
        4     | 02/06/2024 | SC2
        5     | 02/06/2024 | SC3
        6     | 02/06/2024 | SC4
        7     | 01/09/2024 | SC4
        8     |            | SC1
        9     | 01/09/2024 | SC9
    """) == [3, 4, 8]  # 5: still open on one row; 6: before the latest closure
