"""903 rule 357: A child's first episode in the return must start a period of care (RNE S)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("357", "ssda903", "If this is the first episode ever for this child, reason for new episode must be S.", tables=("episodes",), fields=("RNE",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM (
        SELECT *, row_number() OVER (PARTITION BY CHILD ORDER BY DECOM, _row) AS n FROM episodes)
       WHERE n = 1 AND RNE <> 'S' AND DECOM >= make_date({year} - 1, 4, 1)"""


def test_357():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE
        1     | 01/05/2023 | P
        1     | 01/06/2023 | S
        2     | 01/05/2023 | S
        2     | 01/06/2023 | P
        3     | 01/05/2022 | P
    """) == [2]
