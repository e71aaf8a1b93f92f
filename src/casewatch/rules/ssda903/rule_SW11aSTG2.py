"""903 rule SW11aSTG2 (2023-24 only): a social worker episode that ended more than 5 days before 31 March must be
followed by another episode starting within 5 days of that end.

The DfE splits "an episode has ended before 31 March and no subsequent episode has been provided" in two by the
end date: this rule for an episode ended before 26 March (then a next episode must begin within 5 days either
side of the end), SW11bSTG2 for one ended in the last days of the year (26-31 March).

The DfE validator (0.1.17) flags the *next* episode when it does not begin within 5 days, and never flags an
ended episode that has no next episode at all, the case the message names; casewatch follows the message and
flags the episode that ended with no episode beginning within 5 days of its end."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("SW11aSTG2", "ssda903", "Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.", tables=("social_worker",), fields=("SW_DEC",), since=2024, until=2024)
def sql(year: int) -> str:
    return f"""SELECT t._file, t._row, t.CHILD AS child FROM social_worker t
       WHERE t.SW_DEC < DATE '{year}-03-26' AND t.CHILD IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM social_worker o
           WHERE o.CHILD = t.CHILD AND NOT (o._file = t._file AND o._row = t._row)
             AND o.SW_DECOM BETWEEN t.SW_DEC - INTERVAL 5 DAY AND t.SW_DEC + INTERVAL 5 DAY)"""


def test_SW11aSTG2():
    assert flagged(sql, 2024, social_worker="""
        CHILD | SW_DECOM   | SW_DEC
        1     | 01/04/2023 | 01/01/2024
        2     | 01/04/2023 | 01/01/2024
        2     | 06/01/2024 |
        3     | 01/04/2023 | 01/01/2024
        3     | 07/01/2024 |
        4     | 01/04/2023 | 25/03/2024
        4     | 27/12/2023 | 25/03/2024
        5     | 01/04/2023 | 26/03/2024
        6     | 01/04/2023 |
        7     | 01/04/2023 | 01/01/2024
        7     | 27/12/2023 |
    """) == [2, 5, 7, 8]
