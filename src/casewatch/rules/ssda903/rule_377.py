"""903 rule 377: No more than two temporary placements for a foster carer's holiday (PLACE T3) in 12 months.

The DfE's text: only two T3 placements are allowed in any 12-month period. The peer counts the child's T3
episodes in the whole return; casewatch follows the text: a T3 episode is flagged when it is the third or
later T3 episode of the child starting within the 12 months up to and including its own start."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("377", "ssda903", "Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any 12- month period.", tables=("episodes",), fields=("PLACE",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
        SELECT *, count(*) OVER (PARTITION BY CHILD ORDER BY DECOM
                                 RANGE BETWEEN INTERVAL 364 DAY PRECEDING AND CURRENT ROW) AS n
        FROM episodes WHERE PLACE = 'T3' AND DECOM IS NOT NULL)
       WHERE n > 2"""


def test_377():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | PLACE
        1     | 01/04/2023 | T3
        1     | 01/06/2023 | T3
        1     | 01/08/2023 | T3
        2     | 01/04/2022 | T3
        2     | 01/06/2022 | T3
        2     | 01/06/2023 | T3
        3     | 01/04/2023 | T3
        3     | 01/06/2023 | T1
        3     | 01/08/2023 | T3
    """) == [4]
