"""903 rule 387: Independent living (REC E5 or E6) before the child's 14th birthday.

The DfE's text: if the reason episode ceased is E5 or E6 (both are moves into independent living), the
child must be 14 or over on the date the episode ceased. Only episodes with a ceased date are judged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("387", "ssda903", "Reason episode ceased is child moved into independent living arrangement, but the child is aged under 14.", tables=("episodes", "header"), fields=("REC",))
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM episodes e JOIN header h ON h.CHILD = e.CHILD
       WHERE e.REC IN ('E5', 'E6') AND e.DEC < h.DOB + INTERVAL 14 YEAR"""


def test_387():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/05/2010
        2     | 01/05/2009
        3     | 01/06/2009
        4     | 31/12/2014
        5     | 01/01/2004
    """, episodes="""
        CHILD | DECOM      | DEC         | REC
        1     | 01/04/2023 | 01/06/2023  | E5
        1     | 01/04/2023 | 01/06/2023  | E6
        2     | 01/04/2023 | 01/06/2023  | E5
        2     | 01/04/2023 | 01/06/2023  | E6
        3     | 01/04/2023 | 01/06/2023  | E6
        3     | 01/04/2023 | 31/05/2023  | E6
        4     | 01/04/2023 | 01/06/2023  | X1
        4     | 01/04/2023 |             | E5
        4     | 01/04/2023 | !33/06/2023 | E6
        5     | 01/04/2023 | 01/06/2023  | E6
    """) == [2, 3, 7]
