"""903 rule 426: A child cannot have both respite legal statuses (V3 and V4) in the same year.

Every V3 and V4 episode of a child who has both is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("426", "ssda903", "A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the same year.", tables=("episodes",), fields=("LS",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes
       WHERE LS IN ('V3', 'V4') AND CHILD IN (
             SELECT CHILD FROM episodes WHERE LS IN ('V3', 'V4') GROUP BY CHILD HAVING count(DISTINCT LS) = 2)"""


def test_426():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | LS
        1     | 01/06/2023 | V3
        1     | 01/07/2023 | V4
        1     | 01/08/2023 | C2
        2     | 01/06/2023 | V3
        2     | 01/07/2023 | V3
        3     | 01/06/2023 | V4
    """) == [2, 3]
