"""903 rule CW-903-008: A social worker episode that ends before it starts."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("CW-903-008", "ssda903", "The social worker episode ends before it starts.", tables=("social_worker",), fields=("SW_DEC",), since=2024, quarantine=True)
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM social_worker WHERE SW_DEC < SW_DECOM"""


def test_CW_903_008():
    assert flagged(sql, 2024, social_worker="""
        CHILD | SW_ID | SW_DECOM   | SW_DEC
        1     | A     | 01/05/2023 | 30/04/2023
        2     | A     | 01/05/2023 | 01/05/2023
    """) == [2]
