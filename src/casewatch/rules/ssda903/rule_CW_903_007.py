"""903 rule CW-903-007: Two social worker episodes of one child overlap."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("CW-903-007", "ssda903", "Social worker episodes for this child overlap: a child has one allocated social worker at a time.", tables=("social_worker",), fields=("SW_DECOM",), since=2024)
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
        SELECT *, lag(coalesce(SW_DEC, DATE '9999-12-31')) OVER (PARTITION BY CHILD ORDER BY SW_DECOM, _row) AS prev_end,
               row_number() OVER (PARTITION BY CHILD ORDER BY SW_DECOM, _row) AS n FROM social_worker)
       WHERE n > 1 AND prev_end > SW_DECOM"""


def test_CW_903_007():
    assert flagged(sql, 2024, social_worker="""
        CHILD | SW_ID | SW_DECOM   | SW_DEC
        1     | A     | 01/05/2023 | 10/05/2023
        1     | B     | 05/05/2023 |
        2     | A     | 01/05/2023 | 10/05/2023
        2     | B     | 10/05/2023 |
    """) == [3]
