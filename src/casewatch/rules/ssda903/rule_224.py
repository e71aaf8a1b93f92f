"""903 rule 224 (episodes.PLACE_PROVIDER): the placement provider code is the one Ofsted's lists give for the URN.

The DfE's text: if a URN is given and is not XXXXXXX, PLACE_PROVIDER must be one of the placement provider
codes Ofsted's lists give for that URN (``reference.providers``: the Children's homes list's "Provider
Placement Code", the Social care providers list's "Placement provider code"; all of them for a URN on several
rows). Not flagged: a URN not in the lists (rule 1008's error), a URN the lists give no provider code for (the
supported-accommodation sheet may have none: the DfE's validator then assumes PR4), and a blank
PLACE_PROVIDER (a missing field, reported by its own rule). The DfE's validator flags all three; casewatch
follows the text, which compares with the codes of a matching URN.
"""

from casewatch.returns.reference.providers import by_urn, given, urn_sql
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("224", "ssda903", "The Ofsted Unique reference number (URN) provided for the child's placement does not "
      "match the placement provider recorded.", tables=("episodes", "reference.providers"),
      fields=("PLACE_PROVIDER",))
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child, e.PLACE_PROVIDER AS value FROM episodes e
       JOIN {by_urn()} p ON p.urn = {urn_sql('e.URN')}
       WHERE {given()} AND e.PLACE_PROVIDER IS NOT NULL AND len(p.provider_codes) > 0
         AND NOT list_contains(p.provider_codes, e.PLACE_PROVIDER)"""


def test_224():
    assert flagged(sql, 2025, reference__providers="""
        urn     | provider_codes
        SC1     | PR1,PR2
        SC2     | PR4
        SC3     |
    """, episodes="""
        CHILD | PLACE_PROVIDER | URN
        1     | PR2            | SC1
        2     | PR4            | SC1
        3     | PR4            | sc2
        4     | PR1            | SC2
        5     |                | SC2
        6     | PR1            | SC3
        7     | PR1            | SC9
        8     | PR1            | XXXXXXX
    """) == [3, 5]  # 5: blank; 6: no code listed; 7: not listed (1008's); 8: the placeholder
