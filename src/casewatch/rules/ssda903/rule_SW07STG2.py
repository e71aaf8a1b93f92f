"""903 rule SW07STG2: a social worker episode's end date, where given, must fall in the social worker reporting
period: on or after the first day of that period and on or before 31 March of the collection year.

The social worker reporting period (``_social_worker.reporting_start``) began on 1 April 2023 for 2023-24, when
social worker episodes were first collected; from 2024-25 the DfE's period starts a year before the collection
year (1 April 2023 for 2024-25, 1 April 2024 for 2025-26), as its validator reads the DfE's text too."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._social_worker import reporting_start, year_end
from casewatch.rules.testing import flagged


@rule("SW07STG2", "ssda903", "Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.", tables=("social_worker",), fields=("SW_DEC",), since=2024)
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM social_worker
       WHERE SW_DEC < DATE '{reporting_start(year)}' OR SW_DEC > {year_end(year)}"""


def test_SW07STG2():
    table = """
        CHILD | SW_DECOM   | SW_DEC
        1     | 01/01/2023 | 31/03/2023
        2     | 01/01/2023 | 01/04/2023
        3     | 01/01/2023 | 31/03/2024
        4     | 01/01/2023 | 01/04/2024
        5     | 01/01/2023 |
        6     | 01/01/2023 | 31/03/2025
        7     | 01/01/2023 | 31/03/2024
        8     | 01/01/2023 | 01/04/2025
    """
    assert flagged(sql, 2024, social_worker=table) == [2, 5, 7, 9]
    assert flagged(sql, 2025, social_worker=table) == [2, 9]
    assert flagged(sql, 2026, social_worker=table) == [2, 3, 4, 8]
