"""903 rule 204: the child's ethnic origin in the header differs from the one in last year's return.

Codes are compared as staged (upper-cased, so ``nobt`` is ``NOBT``, as the DfE validator compares them). As in
the DfE validator, a code given in one year and blank in the other is a disagreement; blank in both is not."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("204", "ssda903", "Ethnic origin code disagrees with the ethnic origin already recorded for this child.", tables=("header", "header_last"), fields=("ETHNIC",))
def sql(year: int) -> str:
    return """SELECT h._file, h._row, h.CHILD AS child,
              'as last year: ' || string_agg(DISTINCT coalesce(l.ETHNIC, 'blank'), ', ') AS expected
       FROM header h JOIN header_last l ON l.CHILD = h.CHILD
       WHERE h.ETHNIC IS DISTINCT FROM l.ETHNIC
       GROUP BY h._file, h._row, h.CHILD"""


def test_204():
    assert flagged(sql, 2024, header="""
        CHILD | ETHNIC
        1     | WBRI
        2     | WBRI
        3     | nobt
        4     | AINS
        5     |
        6     | BOTH
        7     |
        8     | BCRB
        9     | MWBC
    """, header_last="""
        CHILD | ETHNIC
        1     | WBRI
        2     | NOBT
        3     | NOBT
        4     | AINS
        5     |
        7     | MOTH
        8     |
        9     | MWBA
    """) == [3, 8, 9, 10]
