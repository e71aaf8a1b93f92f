"""903 rule 367: A child cannot have more than 75 days of short-term respite care (LS V3) in 12 months.

The DfE's text: the maximum respite care allowable is 75 days in any 12-month period. As the peer does,
casewatch counts the days of V3 episodes that fall within the collection year (1 April to 31 March; an open
episode runs to 31 March), which is the one 12-month period a single return shows. Every V3 episode of a
child over the limit is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("367", "ssda903", "The maximum amount of respite care allowable is 75 days in any 12-month period.", tables=("episodes",), fields=("LS",))
def sql(year: int) -> str:
    start, end = f"make_date({year - 1}, 4, 1)", f"make_date({year}, 3, 31)"
    return f"""SELECT _file, _row, CHILD AS child FROM (
        SELECT *, sum(greatest(least(coalesce(DEC, {end}), {end}) - greatest(DECOM, {start}), 0))
                  OVER (PARTITION BY CHILD) AS days
        FROM episodes WHERE LS = 'V3' AND DECOM IS NOT NULL)
       WHERE days > 75"""


def test_367():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | LS
        1     | 01/05/2023 | 10/05/2023 | V3
        1     | 01/06/2023 | 10/06/2023 | V3
        2     | 01/05/2023 | 31/05/2023 | V3
        2     | 01/06/2023 | 01/07/2023 | V3
        2     | 01/08/2023 | 18/08/2023 | V3
        3     | 01/03/2023 | 15/05/2023 | V3
        3     | 01/03/2024 |            | V3
        4     | 01/05/2023 | 31/07/2023 | V4
    """) == [4, 5, 6]
