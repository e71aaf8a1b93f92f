"""903 rule 356: DEC before DECOM. Flagged, not refused (decision 0017): the load takes the episode as open."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("356", "ssda903", "The date the episode ceased is before the date the same episode started.", tables=("episodes",), fields=("DEC",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes WHERE DEC < DECOM"""


def test_356():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC
        1     | 01/04/2023 | 31/03/2023
        2     | 01/04/2023 | 01/04/2023
        3     | 01/04/2023 |
    """) == [2]
