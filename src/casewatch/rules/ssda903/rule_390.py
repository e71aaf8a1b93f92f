"""903 rule 390: A child adopted (REC E11, E12) must have been in an adoption placement (PLACE A3-A6)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("390", "ssda903", "Reason episode ceased is adopted but child has not been previously placed for adoption.", tables=("episodes",), fields=("PLACE",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes
       WHERE REC IN ('E11', 'E12') AND (PLACE IS NULL OR PLACE NOT IN ('A3', 'A4', 'A5', 'A6'))"""


def test_390():
    assert flagged(sql, 2024, episodes="""
        CHILD | REC | PLACE
        1     | E11 | A3
        2     | E12 | U1
        3     | E11 | A6
        4     | X1  | U1
    """) == [3]
