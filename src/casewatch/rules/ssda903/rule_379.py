"""903 rule 379: A temporary placement T4 must not last more than 7 days.

The DfE's text: an episode with PLACE T4 must end within 7 days of starting (DEC no later than DECOM
plus 7 days). Episodes not yet ceased are not judged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("379", "ssda903", "Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.", tables=("episodes",), fields=("DEC",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes
       WHERE PLACE = 'T4' AND DEC > DECOM + INTERVAL 7 DAY"""


def test_379():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | PLACE
        1     | 01/06/2023 | 08/06/2023 | T4
        2     | 01/06/2023 | 09/06/2023 | T4
        3     | 01/06/2023 |            | T4
        4     | 01/06/2023 | 01/12/2023 | U1
    """) == [3]
