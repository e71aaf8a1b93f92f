"""903 rule 302: The first episode cannot start before the child was born."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("302", "ssda903", "First episode starts before child was born.", tables=("episodes", "header"), fields=("DECOM",))
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM episodes e JOIN header h ON h.CHILD = e.CHILD WHERE e.DECOM < h.DOB"""


def test_302():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/06/2023
        2     | 01/01/2020
    """, episodes="""
        CHILD | DECOM
        1     | 01/05/2023
        2     | 01/05/2023
        1     | 01/06/2023
    """) == [2]
