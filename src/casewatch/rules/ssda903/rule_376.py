"""903 rule 376: A temporary placement T3 must not last more than 21 days.

The DfE's text: an episode with PLACE T3 must end within 21 days of starting (DEC no later than DECOM
plus 21 days). Episodes not yet ceased are not judged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("376", "ssda903", "Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks.", tables=("episodes",), fields=("DEC",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes
       WHERE PLACE = 'T3' AND DEC > DECOM + INTERVAL 21 DAY"""


def test_376():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | PLACE
        1     | 01/06/2023 | 22/06/2023 | T3
        2     | 01/06/2023 | 23/06/2023 | T3
        3     | 01/06/2023 |            | T3
        4     | 01/06/2023 | 01/12/2023 | U1
    """) == [3]
