"""903 rule 375: A temporary placement T1 must not last more than 42 days.

The DfE's text: an episode with PLACE T1 must end within 42 days of starting (DEC no later than DECOM
plus 42 days). Episodes not yet ceased are not judged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("375", "ssda903", "Hospitalisation coded as a temporary placement exceeds six weeks.", tables=("episodes",), fields=("DEC",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes
       WHERE PLACE = 'T1' AND DEC > DECOM + INTERVAL 42 DAY"""


def test_375():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | PLACE
        1     | 01/06/2023 | 13/07/2023 | T1
        2     | 01/06/2023 | 14/07/2023 | T1
        3     | 01/06/2023 |            | T1
        4     | 01/06/2023 | 01/12/2023 | U1
    """) == [3]
