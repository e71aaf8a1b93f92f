"""903 rule 579: Decisions to place the child for adoption that overlap: taking the child's PlacedAdoption
rows in order of DATE_PLACED, a decision starting while the one before is still open (no
DATE_PLACED_CEASED) or before it ceased is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("579", "ssda903", "A new decision that the child should be placed for adoption this year cannot start when the previous decision is still open. Decisions to place the child for adoption should also not overlap. The date of any new decision to place the child for adoption must not be before the date placed ceased of previous decisions.", tables=("placed_adoption",), fields=("DATE_PLACED",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
        SELECT *, lag(coalesce(DATE_PLACED_CEASED, DATE '9999-12-31')) OVER w AS prev_end,
               row_number() OVER w AS n
        FROM placed_adoption WHERE DATE_PLACED IS NOT NULL WINDOW w AS (PARTITION BY CHILD ORDER BY DATE_PLACED))
       WHERE n > 1 AND DATE_PLACED < prev_end"""


def test_579():
    assert flagged(sql, 2024, placed_adoption="""
        CHILD | DATE_PLACED | DATE_PLACED_CEASED
        1     | 01/04/2023  |
        1     | 01/06/2023  |
        2     | 01/04/2023  | 01/06/2023
        2     | 01/05/2023  |
        3     | 01/04/2023  | 01/06/2023
        3     | 01/06/2023  |
        4     | 01/04/2023  |
    """) == [3, 5]
