"""903 rule 365: A single short-term respite break (LS V3) must not exceed 17 days.

The DfE's text: any individual short-term respite placement must not exceed 17 days; an episode still open
counts to the end of the year (31 March)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("365", "ssda903", "Any individual short- term respite placement must not exceed 17 days.", tables=("episodes",), fields=("LS", "DEC"))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM episodes
       WHERE LS = 'V3' AND coalesce(DEC, make_date({year}, 3, 31)) > DECOM + INTERVAL 17 DAY"""


def test_365():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | LS
        1     | 01/06/2023 | 18/06/2023 | V3
        2     | 01/06/2023 | 19/06/2023 | V3
        3     | 01/06/2023 | 19/06/2023 | V4
        4     | 01/03/2024 |            | V3
        5     | 20/03/2024 |            | V3
    """) == [3, 5]
