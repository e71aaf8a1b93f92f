"""903 rule 374: A child placed with PLACE P3 must be at least 14 when the episode starts.

The DfE's text: where PLACE is P3 the child must be 14 or over on DECOM. The peer skips episodes with
no DEC; the text judges every P3 episode, and so does casewatch."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("374", "ssda903", "Child in residential employment should be at least 14 years old.", tables=("episodes", "header"), fields=("DECOM", "PLACE"))
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM episodes e JOIN header h ON h.CHILD = e.CHILD
       WHERE e.PLACE = 'P3' AND e.DECOM < h.DOB + INTERVAL 14 YEAR"""


def test_374():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/06/2009
        2     | 02/06/2009
        3     | 02/06/2009
    """, episodes="""
        CHILD | DECOM      | DEC        | PLACE
        1     | 01/06/2023 | 01/07/2023 | P3
        2     | 01/06/2023 | 01/07/2023 | P3
        2     | 01/06/2023 |            | P3
        3     | 01/06/2023 |            | U1
    """) == [3, 4]
