"""903 rule 241 (episodes.URN, from 2025-26): a supported accommodation placement (K3) is in an LA where the
provider has premises.

The DfE's text: if a URN is given and is not XXXXXXX and PLACE is K3, the LA of placement (PL_LA) must be one
of the LAs Ofsted's lists give for that URN (a supported accommodation provider may have settings in several
LAs: one row each on the lists' "SA Providers" sheet). PL_LA is the LA the DfE derives from PL_POST
(``_place.py``: needs the postcode directory); the provider's LAs are those the lists name, as ONS codes. Not
flagged: PL_LA not known (PL_POST blank or not in the directory: rule 169's error), a URN not in the lists
(rule 1008's) or one with no known LA. The DfE's validator compares PL_LA with the council's own LA instead of
the provider's, and only where the return itself carries a PL_LA (a CSV return does not); casewatch follows
the text.
"""

from casewatch.returns.reference.providers import by_urn, given, urn_sql
from casewatch.rules.engine import rule
from casewatch.rules.ssda903._place import SAMPLE_POSTCODES, placed
from casewatch.rules.testing import flagged


@rule("241", "ssda903", "LA of placement is not an LA the provider has premises.",
      tables=("episodes", "reference.providers", "reference.postcodes"), fields=("URN",), since=2026)
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child, e.PL_LA AS value FROM {placed()} e
       JOIN {by_urn()} p ON p.urn = {urn_sql('e.URN')}
       WHERE {given()} AND e.PLACE = 'K3' AND e.PL_LA IS NOT NULL AND len(p.la) > 0
         AND NOT list_contains(p.la, e.PL_LA)"""


def test_241():
    assert flagged(sql, 2026, reference__postcodes=SAMPLE_POSTCODES, reference__providers="""
        urn | la
        SA1 | E09000027
        SA1 | E09000033
        SA2 | E10000016
        SA3 |
    """, episodes="""
        CHILD | PLACE | URN     | PL_POST
        1     | K3    | SA1     | TW9 1AA
        2     | K3    | SA1     | SW1A 1AA
        3     | K3    | SA2     | TW9 1AA
        4     | K2    | SA2     | TW9 1AA
        5     | K3    | SA2     | AB1 2CD
        6     | K3    | SA3     | TW9 1AA
        7     | K3    | XXXXXXX | TW9 1AA
        8     | K3    | SA2     | CF10 1AA
    """) == [4, 9]  # 3: a Kent provider, placed in Richmond; 8: placed in Wales; 1, 2: two settings; 4: not K3;
    # 5: PL_POST not in the directory; 6: no LA known; 7: the placeholder
