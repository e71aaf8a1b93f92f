"""903 rule SW11bSTG2: a social worker episode that ended in the last days of the year (26-31 March) must have a
subsequent episode.

The DfE splits "an episode has ended before 31 March and no subsequent episode has been provided" in two by the
end date: SW11aSTG2 (2023-24 only) for an episode ended before 26 March, this rule for one ended within 5 days of
31 March. An episode is flagged when the child has no episode that began after it began.

The DfE validator (0.1.17) flags the following episode's row when that has no start date, and, for a child
with several episodes, an episode ended in those days even when a later episode follows it; casewatch follows
the message and flags the ended episode only when no later episode is reported."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("SW11bSTG2", "ssda903", "Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.", tables=("social_worker",), fields=("SW_DEC",), since=2024)
def sql(year: int) -> str:
    return f"""SELECT t._file, t._row, t.CHILD AS child FROM social_worker t
       WHERE t.SW_DEC BETWEEN DATE '{year}-03-26' AND DATE '{year}-03-31' AND t.CHILD IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM social_worker o WHERE o.CHILD = t.CHILD AND o.SW_DECOM > t.SW_DECOM)"""


def test_SW11bSTG2():
    assert flagged(sql, 2025, social_worker="""
        CHILD | SW_DECOM   | SW_DEC
        1     | 01/04/2024 | 26/03/2025
        1     | 01/05/2025 |
        2     | 01/04/2024 | 25/03/2025
        3     | 01/04/2024 | 26/03/2025
        4     | 01/04/2024 | 31/03/2025
        5     | 01/03/2025 | 25/03/2025
        5     | 26/03/2025 | 27/03/2025
        6     | 01/03/2025 | 27/03/2025
        6     | 26/03/2025 |
        7     | 01/03/2025 | 28/03/2025
        7     | 28/03/2025 |
        8     | 01/03/2024 | 28/03/2024
    """) == [5, 6, 8]
