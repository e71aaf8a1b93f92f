"""903 rule 386: Adopted (REC E11/E12) at 18 or over."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("386", "ssda903", "Reason episode ceased is adopted but child has reached age 18.", tables=("episodes", "header"), fields=("REC",))
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM episodes e JOIN header h ON h.CHILD = e.CHILD WHERE e.REC IN ('E11', 'E12') AND e.DEC >= h.DOB + INTERVAL 18 YEAR"""


def test_386():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/05/2005
        2     | 01/05/2006
    """, episodes="""
        CHILD | DECOM      | DEC        | REC
        1     | 01/04/2023 | 01/06/2023 | E11
        2     | 01/04/2023 | 01/06/2023 | E12
    """) == [2]
