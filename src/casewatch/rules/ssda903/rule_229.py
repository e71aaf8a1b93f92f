"""903 rule 229 (episodes.PLACE_PROVIDER): own provision (PR1) is in the council's LA, another LA's (PR2) is not.

The DfE's text: if a URN is given and is not XXXXXXX, then if PLACE_PROVIDER is PR1 the provider's LA in
Ofsted's lists must be the council's own; if PR2, it must not be. From 2025-26 the placements a council may
arrange anywhere are left out: K3, P1, P3, R1, R2, R5, T0-T4, Z11-Z14. The provider's LA is the LA the lists
name for it, as ONS codes (``reference.providers.la``; any of them for a URN on several rows); the council's
from ``--council`` or the case-management extract (``reference.council_la``). The DfE's validator infers the
provider's LA from its postcode instead (its message warns this may be inaccurate); casewatch takes the LA
Ofsted names, which is what the text compares with. Not flagged: a URN not in the lists (rule 1008's error)
or one whose LA is not known (a name matching no English LA); the DfE's validator flags PR1 for both.
"""

from casewatch.model.schema import quote_list
from casewatch.returns.reference.providers import by_urn, given, urn_sql
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


def anywhere(year: int) -> tuple[str, ...]:
    """Placements left out from 2025-26, as the DfE lists them."""
    if year < 2026:
        return ()
    return ("K3", "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14")


@rule("229", "ssda903", "Placement provider does not match between the placing authority and the local "
      "authority code of the provider. [NOTE: The provider's LA code is inferred from the its postcode, and may "
      "be inaccurate in some cases.]", tables=("episodes", "reference.providers", "reference.council_la"),
      fields=("URN", "PLACE_PROVIDER"))
def sql(year: int) -> str:
    left_out = quote_list(anywhere(year))
    place = f"coalesce(e.PLACE NOT IN ({left_out}), true)" if left_out else "true"
    own = "list_has_any(p.la, (SELECT list(la) FROM reference.council_la))"
    return f"""SELECT e._file, e._row, e.CHILD AS child, e.PLACE_PROVIDER AS value FROM episodes e
       JOIN {by_urn()} p ON p.urn = {urn_sql('e.URN')}
       WHERE {given()} AND {place} AND len(p.la) > 0
         AND ((e.PLACE_PROVIDER = 'PR1' AND NOT {own}) OR (e.PLACE_PROVIDER = 'PR2' AND {own}))"""


PROVIDERS = """
    urn | la
    1   | E10000016
    2   | E09000027
    4   |
"""
COUNCIL = """
    la
    E09000027
"""
EPISODES = """
    CHILD | PLACE | PLACE_PROVIDER | URN
    1     | K2    | PR1            | 1
    2     | K2    | PR2            |
    3     | K2    | PR2            | 1
    4     | K2    | PR1            | XXXXXXX
    5     | K2    | PR2            | 2
    6     | K2    | PR1            | 2
    7     | K2    | PR1            | 4
    8     | K3    | PR1            | 1
    9     | K2    | PR4            | 2
    10    | K2    | PR1            | 9
"""


def test_229():
    assert flagged(sql, 2025, reference__providers=PROVIDERS, reference__council_la=COUNCIL,
                   episodes=EPISODES) == [2, 6, 9]  # 7: LA not known; 10: not listed (1008's)


def test_229_k3_left_out_from_2025_26():
    assert flagged(sql, 2026, reference__providers=PROVIDERS, reference__council_la=COUNCIL,
                   episodes=EPISODES) == [2, 6]
