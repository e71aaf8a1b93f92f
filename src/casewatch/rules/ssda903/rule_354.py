"""903 rule 354: An episode cannot start after the end of the collection year (DECOM after 31 March).

The DfE's text: the date the episode started must be on or before the collection end date. (Its ceased date
after the year end is rule 385.) The DfE validator checks DECOM here but shows 385's message; casewatch shows
the message for the start date (docs/returns/README.md)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("354", "ssda903", "Date episode started must be on or before the end of the current collection year.", tables=("episodes",), fields=("DECOM",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM episodes WHERE DECOM > make_date({year}, 3, 31)"""


def test_354():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM       | DEC
        1     | 01/01/2024  |
        2     | 31/03/2024  |
        3     | 01/04/2024  |
        4     | 01/05/2024  |
        5     | 19/02/2010  | 01/04/2024
        6     | !38/04/2023 |
        7     | 01/04/2023  | 01/05/2024
    """) == [4, 5]
