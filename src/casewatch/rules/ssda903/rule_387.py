"""903 rule 387: Independent living (REC E5) under 14."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("387", "ssda903", "Reason episode ceased is child moved into independent living arrangement, but the child is aged under 14.", tables=("episodes", "header"), fields=("REC",))
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM episodes e JOIN header h ON h.CHILD = e.CHILD WHERE e.REC = 'E5' AND e.DEC < h.DOB + INTERVAL 14 YEAR"""


def test_387():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/05/2010
        2     | 01/05/2009
    """, episodes="""
        CHILD | DECOM      | DEC        | REC
        1     | 01/04/2023 | 01/06/2023 | E5
        2     | 01/04/2023 | 01/06/2023 | E5
    """) == [2]
