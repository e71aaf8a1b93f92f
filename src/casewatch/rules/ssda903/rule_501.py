"""903 rule 501: Episodes of one child overlap. Flagged, not refused (decision 0017): the load takes the earlier
episode as ended when the later one starts, as the DfE's statistics do."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("501", "ssda903", "A new episode has started before the end date of the previous episode.", tables=("episodes",), fields=("DECOM",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
        SELECT *, lag(DEC) OVER (PARTITION BY CHILD ORDER BY DECOM, _row) AS prev_dec,
                  lag(DECOM) OVER (PARTITION BY CHILD ORDER BY DECOM, _row) AS prev_decom FROM episodes)
       WHERE prev_decom IS NOT NULL AND prev_dec > DECOM"""


def test_501():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC
        1     | 01/04/2023 | 10/05/2023
        1     | 01/05/2023 | 01/06/2023
        2     | 01/04/2023 | 01/05/2023
        2     | 01/05/2023 |
    """) == [3]
