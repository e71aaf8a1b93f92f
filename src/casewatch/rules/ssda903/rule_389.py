"""903 rule 389: Transfer to adult social care (REC E7) under 16."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("389", "ssda903", "Reason episode ceased is that child transferred to care of adult social care services, but child is aged under 16.", tables=("episodes", "header"), fields=("REC",))
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM episodes e JOIN header h ON h.CHILD = e.CHILD WHERE e.REC = 'E7' AND e.DEC < h.DOB + INTERVAL 16 YEAR"""


def test_389():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/05/2008
        2     | 01/05/2007
    """, episodes="""
        CHILD | DECOM      | DEC        | REC
        1     | 01/04/2023 | 01/06/2023 | E7
        2     | 01/04/2023 | 01/06/2023 | E7
    """) == [2]
