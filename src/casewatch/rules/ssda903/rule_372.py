"""903 rule 372: A child placed with PLACE R5 must be at least 10 when the episode starts.

The DfE's text: where PLACE is R5 the child must be 10 or over on DECOM. The peer skips episodes with
no DEC; the text judges every R5 episode, and so does casewatch."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("372", "ssda903", "Child in youth custody or prison should be at least 10.", tables=("episodes", "header"), fields=("DECOM", "PLACE"))
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM episodes e JOIN header h ON h.CHILD = e.CHILD
       WHERE e.PLACE = 'R5' AND e.DECOM < h.DOB + INTERVAL 10 YEAR"""


def test_372():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/06/2013
        2     | 02/06/2013
        3     | 02/06/2013
    """, episodes="""
        CHILD | DECOM      | DEC        | PLACE
        1     | 01/06/2023 | 01/07/2023 | R5
        2     | 01/06/2023 | 01/07/2023 | R5
        2     | 01/06/2023 |            | R5
        3     | 01/06/2023 |            | U1
    """) == [3, 4]
