"""903 rule CW-903-003: The same episode (child and DECOM) twice: counts would double."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("CW-903-003", "ssda903", "The child has two episodes starting on the same date.", tables=("episodes",), fields=("DECOM",), quarantine=True)
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (SELECT *, row_number() OVER (PARTITION BY CHILD, DECOM ORDER BY _row) AS n FROM episodes) WHERE n > 1"""


def test_CW_903_003():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM
        1     | 01/05/2023
        1     | 01/05/2023
        1     | 02/05/2023
    """) == [3]
