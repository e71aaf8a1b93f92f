"""903 rule 1008 (episodes.URN): the Ofsted URN given is in Ofsted's provider lists.

The DfE's text: a URN given, other than the placeholder XXXXXXX (a placement with no Ofsted-registered
provider), must be a valid Ofsted URN: one in the Children's homes list or the Social care providers list the
council loaded (``reference.providers``, ``returns/reference/providers.py``). URNs are compared in upper case,
trimmed. Every episode of the year's return is checked, as in the DfE's validator; a provider closed before
the lists were drawn up may be missing from them, which the lists' "closed" sheets cover only for their year.
"""

from casewatch.returns.reference.providers import given, urn_sql
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("1008", "ssda903", "Ofsted Unique Reference Number (URN) is not valid.",
      tables=("episodes", "reference.providers"), fields=("URN",))
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child, e.URN AS value FROM episodes e
       WHERE {given()} AND {urn_sql('e.URN')} NOT IN (SELECT urn FROM reference.providers WHERE urn IS NOT NULL)"""


PROVIDERS = """
    urn      | place_codes
    SC999999 | K2
    1234567  | U1,U2
             | K1
"""


def test_1008():
    assert flagged(sql, 2025, reference__providers=PROVIDERS, episodes="""
        CHILD | URN
        1     | SC999999
        2     |
        3     | 1234567
        4     | XXXXXXX
        5     | 2345
        6     | sc999999
        7     | XXXXXX
    """) == [6, 8]  # 5: not listed; 7: six Xs is no placeholder; 6: case does not matter
