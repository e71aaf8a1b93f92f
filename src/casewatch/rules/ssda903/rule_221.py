"""903 rule 221 (episodes.PL_POST): the placement postcode is the postcode Ofsted has for the provider.

The DfE's text: where a URN is given and is not XXXXXXX, LS is not V3 or V4 (a short break), PLACE is one of
the placements at the provider's own premises and PL_POST is given, PL_POST must be the provider's postcode in
Ofsted's lists (``reference.providers``; any of them, for a provider listed with several settings). The
placements: K1, K2, R3, S1 to 2022-23; with H5 in 2023-24; K1, K2, K3, R3, S1 from 2024-25 (the DfE's
validator's rule packs for each year). Postcodes are compared in one normal form (case and spacing never matter). Not flagged: a URN not
in the lists (rule 1008's error) or one the lists give no postcode for; the DfE's validator flags both (a
missing postcode is "not equal"), casewatch follows the text, which compares with a postcode the lists have.
"""

from casewatch.model.schema import quote_list
from casewatch.returns.reference.providers import by_urn, given, urn_sql
from casewatch.returns.reference.read import postcode_sql
from casewatch.rules.engine import rule
from casewatch.rules.ssda903._place import short_break
from casewatch.rules.testing import flagged


def at_premises(year: int) -> tuple[str, ...]:
    """Placements at the provider's own premises, whose postcode must be Ofsted's, as the DfE lists them."""
    if year <= 2023:
        return ("K1", "K2", "R3", "S1")
    if year == 2024:
        return ("H5", "K1", "K2", "R3", "S1")
    return ("K1", "K2", "K3", "R3", "S1")


@rule("221", "ssda903", "The Ofsted Unique reference number (URN) provided for the child's placement does not "
      "match the placement postcode provided.", tables=("episodes", "reference.providers"), fields=("PL_POST",))
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child, e.PL_POST AS value FROM episodes e
       JOIN {by_urn()} p ON p.urn = {urn_sql('e.URN')}
       WHERE {given()} AND NOT {short_break()} AND e.PLACE IN ({quote_list(at_premises(year))})
         AND nullif(trim(e.PL_POST), '') IS NOT NULL AND len(p.postcodes) > 0
         AND NOT list_contains(p.postcodes, {postcode_sql('e.PL_POST')})"""


PROVIDERS = """
    urn      | postcode
    SC1      | TW9 1AA
    SC2      | SW1A 1AA
    SC2      | CF10 1AA
    SC3      |
"""
EPISODES = """
    CHILD | LS | PLACE | URN     | PL_POST
    1     | C2 | K2    | SC1     | tw91aa
    2     | C2 | K2    | SC1     | TW9 2ZZ
    3     | V3 | K2    | SC1     | TW9 2ZZ
    4     | C2 | U1    | SC1     | TW9 2ZZ
    5     | C2 | K2    | SC1     |
    6     | C2 | K3    | SC2     | CF10 1AA
    7     | C2 | K3    | SC2     | TW9 2ZZ
    8     | C2 | K2    | SC3     | TW9 2ZZ
    9     | C2 | K2    | SC9     | TW9 2ZZ
    10    | C2 | H5    | SC1     | TW9 2ZZ
"""


def test_221():
    assert flagged(sql, 2025, reference__providers=PROVIDERS, episodes=EPISODES) == [3, 8]
    # 1: the same postcode; 3 short break; 4 foster care; 5 blank; 6 one of its settings; 8 no postcode listed;
    # 9 not listed (1008's); 10 H5 not in the list from 2024-25


def test_221_by_year():
    assert flagged(sql, 2024, reference__providers=PROVIDERS, episodes=EPISODES) == [3, 11]  # H5, not K3
    assert flagged(sql, 2023, reference__providers=PROVIDERS, episodes=EPISODES) == [3]
