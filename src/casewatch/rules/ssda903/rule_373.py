"""903 rule 373: A child placed with PLACE S1 must be at least 4 when the episode starts.

The DfE's text: where PLACE is S1 the child must be 4 or over on DECOM. The peer skips episodes with
no DEC; the text judges every S1 episode, and so does casewatch."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("373", "ssda903", "Child placed in a school should be at least 4 years old.", tables=("episodes", "header"), fields=("DECOM", "PLACE"))
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM episodes e JOIN header h ON h.CHILD = e.CHILD
       WHERE e.PLACE = 'S1' AND e.DECOM < h.DOB + INTERVAL 4 YEAR"""


def test_373():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/06/2019
        2     | 02/06/2019
        3     | 02/06/2019
    """, episodes="""
        CHILD | DECOM      | DEC        | PLACE
        1     | 01/06/2023 | 01/07/2023 | S1
        2     | 01/06/2023 | 01/07/2023 | S1
        2     | 01/06/2023 |            | S1
        3     | 01/06/2023 |            | U1
    """) == [3, 4]
