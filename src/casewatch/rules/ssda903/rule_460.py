"""903 rule 460: A child who stayed with their carers at 18 (REC E17) must be 18 or over when the episode ceased."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("460", "ssda903", "Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is aged under 18.", tables=("episodes", "header"), fields=("REC",))
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM episodes e JOIN header h ON h.CHILD = e.CHILD
       WHERE e.REC = 'E17' AND e.DEC < h.DOB + INTERVAL 18 YEAR"""


def test_460():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/06/2005
        2     | 02/06/2005
        3     | 02/06/2005
    """, episodes="""
        CHILD | DECOM      | DEC        | REC
        1     | 01/04/2023 | 01/06/2023 | E17
        2     | 01/04/2023 | 01/06/2023 | E17
        3     | 01/04/2023 | 01/06/2023 | E45
    """) == [3]
