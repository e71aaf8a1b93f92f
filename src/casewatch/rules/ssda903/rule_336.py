"""903 rule 336: A child placed for adoption with their foster carer (A3, A4) must come from a foster placement.

The DfE's text: if PLACE is A3 or A4, the previous episode's PLACE must be a foster placement (U1-U6) or
already an adoption placement (A3-A6). The child's first episode in the return is not judged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("336", "ssda903", "Child does not have a foster placement immediately prior to being placed for adoption.", tables=("episodes",), fields=("PLACE",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
        SELECT *, lag(PLACE) OVER w AS prev_place, row_number() OVER w AS n
        FROM episodes WINDOW w AS (PARTITION BY CHILD ORDER BY DECOM, _row))
       WHERE n > 1 AND PLACE IN ('A3', 'A4')
         AND (prev_place IS NULL OR prev_place NOT IN ('A3', 'A4', 'A5', 'A6', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6'))"""


def test_336():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | PLACE
        1     | 01/04/2023 | U1
        1     | 01/05/2023 | A3
        2     | 01/04/2023 | K2
        2     | 01/05/2023 | A4
        3     | 01/04/2023 | A4
        4     | 01/04/2023 | A5
        4     | 01/05/2023 | A3
    """) == [5]
