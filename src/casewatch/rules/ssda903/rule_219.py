"""903 rule 219 (episodes.URN): the placement type is one the provider with that URN is registered for.

The DfE's text: if a URN is given and is not XXXXXXX, PLACE must be one of the placement codes Ofsted's lists
give for that URN (``reference.providers``; a URN on several rows has all their codes). Not flagged: a URN not
in the lists (rule 1008's error), a URN the lists give no placement code for, and a blank PLACE (a missing
field, reported by its own rule). The DfE's validator flags all three (its comparison fails on a missing
value); casewatch follows the text, which compares a PLACE with the codes of a matching URN, so as not to
report one missing fact twice.
"""

from casewatch.returns.reference.providers import by_urn, given, urn_sql
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("219", "ssda903", "The Ofsted Unique reference number (URN) provided for the child's placement does not "
      "match the placement type recorded.", tables=("episodes", "reference.providers"), fields=("URN", "PLACE"))
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child, e.PLACE AS value FROM episodes e
       JOIN {by_urn()} p ON p.urn = {urn_sql('e.URN')}
       WHERE {given()} AND e.PLACE IS NOT NULL AND len(p.place_codes) > 0
         AND NOT list_contains(p.place_codes, e.PLACE)"""


def test_219():
    assert flagged(sql, 2025, reference__providers="""
        urn | place_codes
        1   | PR2,K3
        2   | PR1,PR3,K2
        3   | K1
        3   | K2
        4   |
    """, episodes="""
        CHILD | PLACE | URN
        1     | K2    | 1
        2     | K3    | 1
        3     | K2    |
        4     | K2    | XXXXXXX
        5     | K2    | 2
        6     | K1    | 2
        7     | K2    | 3
        8     | K2    | 4
        9     | K2    | 9
        10    |       | 1
    """) == [2, 7]  # children 1, 6; 7: K2 on URN 3's second row; 8: URN 4 has no codes; 9: not listed
    # (1008's); 10: PLACE blank
