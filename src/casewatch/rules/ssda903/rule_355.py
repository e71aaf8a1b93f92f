"""903 rule 355: An episode that starts and ends on the same day."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("355", "ssda903", "Episode appears to have lasted for less than 24 hours", tables=("episodes",), fields=("DEC",), severity="query")
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes WHERE DEC = DECOM"""


def test_355():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC
        1     | 01/04/2023 | 01/04/2023
        2     | 01/04/2023 | 02/04/2023
    """) == [2]
