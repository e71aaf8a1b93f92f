"""903 rule CW-903-004: A review on a day the child was not looked after."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("CW-903-004", "ssda903", "The review date is not within any episode of care for this child.", tables=("reviews", "episodes"), fields=("REVIEW",), severity="query")
def sql(year: int) -> str:
    return """SELECT r._file, r._row, r.CHILD AS child FROM reviews r WHERE NOT EXISTS (
        SELECT 1 FROM episodes e WHERE e.CHILD = r.CHILD AND r.REVIEW >= e.DECOM
          AND r.REVIEW <= coalesce(e.DEC, DATE '9999-12-31'))"""


def test_CW_903_004():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC
        1     | 01/05/2023 | 01/08/2023
    """, reviews="""
        CHILD | REVIEW
        1     | 01/06/2023
        1     | 02/08/2023
    """) == [3]
