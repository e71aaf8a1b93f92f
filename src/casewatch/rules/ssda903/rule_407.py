"""903 rule 407: A special guardianship order (REC E45-E48) ending care at 18 or over.

The DfE's text: if the reason episode ceased is E45, E46, E47 or E48, the child must be under 18 on DEC.
The peer lets through an episode ceasing on the 18th birthday itself; casewatch, as for rule 386, counts
the child as having reached 18 that day."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("407", "ssda903", "Reason episode ceased is Special Guardianship Order, but child has reached age 18.", tables=("episodes", "header"), fields=("REC",))
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM episodes e JOIN header h ON h.CHILD = e.CHILD
       WHERE e.REC IN ('E45', 'E46', 'E47', 'E48') AND e.DEC >= h.DOB + INTERVAL 18 YEAR"""


def test_407():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/06/2005
        2     | 02/06/2005
        3     | 01/01/2005
    """, episodes="""
        CHILD | DECOM      | DEC        | REC
        1     | 01/04/2023 | 01/06/2023 | E45
        2     | 01/04/2023 | 01/06/2023 | E48
        3     | 01/04/2023 | 01/06/2023 | E11
    """) == [2]
