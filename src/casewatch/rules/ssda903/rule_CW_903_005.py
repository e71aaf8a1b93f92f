"""903 rule CW-903-005: A missing episode starting when the child was not looked after."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("CW-903-005", "ssda903", "The missing or away episode starts on a day the child was not looked after.", tables=("missing", "episodes"), fields=("MIS_START",), severity="query")
def sql(year: int) -> str:
    return """SELECT m._file, m._row, m.CHILD AS child FROM missing m WHERE NOT EXISTS (
        SELECT 1 FROM episodes e WHERE e.CHILD = m.CHILD AND m.MIS_START >= e.DECOM
          AND m.MIS_START <= coalesce(e.DEC, DATE '9999-12-31'))"""


def test_CW_903_005():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC
        1     | 01/05/2023 |
    """, missing="""
        CHILD | MISSING | MIS_START
        1     | M       | 01/06/2023
        1     | A       | 01/04/2023
    """) == [3]
