"""903 rule 558: A child adopted (an episode ending with REC E11 or E12) whose decision to be placed for
adoption is recorded as having ceased: every PlacedAdoption row of the child has a DATE_PLACED_CEASED.

The DfE's text: if the child has been adopted, the decision was not disrupted and DATE_PLACED_CEASED
should be blank. A child with an earlier, ceased decision and a later open one is not flagged. (The DfE's
validator flags only where there is more than one such ceased row.) The episode is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("558", "ssda903", "If a child has been adopted, then the decision to place them for adoption has not been disrupted and the date of the decision that a child should no longer be placed for adoption should be left blank.", tables=("episodes", "placed_adoption"), fields=("REC",))
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM episodes e
       JOIN (SELECT CHILD FROM placed_adoption GROUP BY CHILD HAVING bool_and(DATE_PLACED_CEASED IS NOT NULL)) p
         ON p.CHILD = e.CHILD
       WHERE e.REC IN ('E11', 'E12')"""


def test_558():
    assert flagged(sql, 2024, episodes="""
        CHILD | REC
        1     | E11
        2     | E12
        3     | E11
        4     | E4A
        5     | E11
    """, placed_adoption="""
        CHILD | DATE_PLACED | DATE_PLACED_CEASED
        1     | 01/04/2023  |
        2     | 01/04/2022  | 01/06/2022
        3     | 01/04/2022  | 01/06/2022
        3     | 01/07/2022  |
        4     | 01/04/2023  | 01/06/2023
    """) == [3]
