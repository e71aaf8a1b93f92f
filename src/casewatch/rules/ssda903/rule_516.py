"""903 rule 516: An episode ending in a move to stay with former foster carers (REC E45 or E46) must be a
foster placement (PLACE U1 to U6)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("516", "ssda903", "The episode data submitted for this child does not show that he/she was with their former foster carer(s) during the year.If the code in the reason episode ceased is E45 or E46 the child must have a placement code of U1 to U6.", tables=("episodes",), fields=("REC",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes
       WHERE REC IN ('E45', 'E46') AND (PLACE IS NULL OR PLACE NOT IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6'))"""


def test_516():
    assert flagged(sql, 2024, episodes="""
        CHILD | PLACE | REC
        1     | U1    | E45
        2     | U6    | E46
        3     | U3    |
        4     | Z1    | E45
        5     | R1    | E46
        6     | K2    | E2
        7     | T1    | E46
        8     |       | E45
    """) == [5, 6, 8, 9]
