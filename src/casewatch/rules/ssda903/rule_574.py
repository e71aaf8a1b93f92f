"""903 rule 574: Missing episodes of one child overlap."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("574", "ssda903", "A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.", tables=("missing",), fields=("MIS_START",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
        SELECT *, lag(coalesce(MIS_END, DATE '9999-12-31')) OVER (PARTITION BY CHILD ORDER BY MIS_START) AS prev_end,
               row_number() OVER (PARTITION BY CHILD ORDER BY MIS_START) AS n FROM missing)
       WHERE n > 1 AND prev_end > MIS_START"""


def test_574():
    assert flagged(sql, 2024, missing="""
        CHILD | MISSING | MIS_START  | MIS_END
        1     | M       | 01/05/2023 |
        1     | M       | 03/05/2023 | 04/05/2023
        2     | M       | 01/05/2023 | 03/05/2023
        2     | M       | 03/05/2023 | 04/05/2023
    """) == [3]
