"""903 rule 228 (episodes.URN): the provider was not closed before the episode ended (or, for an open
episode, before the end of the collection year).

The DfE's text: if a URN is given and is not XXXXXXX, and Ofsted's lists give the provider a closure
(deregistration) date, DEC, if given, must be on or before it; if DEC is not given, the collection year's
end (31 March) must be on or before it (the provider was still open at 31 March). A URN on several rows is
closed only when every row has a closure date, on the latest (``by_urn``). A URN not in the lists is rule
1008's error. The DfE's message warns of false positives on open episodes at providers that closed in the year.
"""

from casewatch.returns.reference.providers import by_urn, given, urn_sql
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("228", "ssda903", "Ofsted Unique reference number (URN) is not valid for the episode end date [NOTE: may "
      "give false positives on open episodes at providers who close during the year]",
      tables=("episodes", "reference.providers"), fields=("URN", "DEC"))
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child, e.URN AS value FROM episodes e
       JOIN {by_urn()} p ON p.urn = {urn_sql('e.URN')}
       WHERE {given()} AND p.closed IS NOT NULL
         AND coalesce(e.DEC, DATE '{int(year)}-03-31') > p.closed"""


def test_228():
    assert flagged(sql, 2025, reference__providers="""
        urn | closed
        SC1 | 01/06/2024
        SC2 |
        SC3 | 31/03/2025
        SC4 | 01/06/2024
        SC4 |
    """, episodes="""
        CHILD | DECOM      | DEC        | URN
        1     | 01/04/2024 | 01/06/2024 | SC1
        2     | 01/04/2024 | 02/06/2024 | SC1
        3     | 01/04/2024 |            | SC1
        4     | 01/04/2024 |            | SC2
        5     | 01/04/2024 |            | SC3
        6     | 01/04/2024 |            | SC4
        7     | 01/04/2024 | 02/06/2024 | XXXXXXX
    """) == [3, 4]  # 5: open at 31 March, closed that day; 6: open on one row
