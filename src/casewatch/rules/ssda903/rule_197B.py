"""903 rule 197B: A child in the OC2 cohort (looked after continuously for 12 months at 31 March, as in rule
185) who turns 4 or turns 17 during the year (1 April to 31 March) must have an SDQ score or a reason for
none (SDQ_REASON). Age from oc2.DOB."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._periods import looked_after_12_months
from casewatch.rules.testing import flagged


@rule("197B", "ssda903", "SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.", tables=("oc2", "episodes"), fields=("SDQ_SCORE",))
def sql(year: int) -> str:
    start, end = f"DATE '{year - 1}-04-01'", f"DATE '{year}-03-31'"
    return f"""SELECT _file, _row, CHILD AS child FROM oc2
       WHERE (DOB + INTERVAL 4 YEAR BETWEEN {start} AND {end} OR DOB + INTERVAL 17 YEAR BETWEEN {start} AND {end})
         AND SDQ_SCORE IS NULL AND SDQ_REASON IS NULL AND json_extract_string(_bad, '$.SDQ_SCORE') IS NULL
         AND CHILD IN ({looked_after_12_months(year)})"""


def test_197B():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | LS | DEC | REC
        1     | 01/01/2020 | S   | C2 |     |
        2     | 01/01/2020 | S   | C2 |     |
        3     | 01/01/2020 | S   | C2 |     |
        4     | 01/01/2020 | S   | C2 |     |
        5     | 01/05/2023 | S   | C2 |     |
    """, oc2="""
        CHILD | DOB        | SDQ_SCORE | SDQ_REASON
        1     | 01/06/2019 |           |
        2     | 31/03/2007 |           |
        3     | 01/06/2012 |           |
        4     | 01/06/2019 |           | SDQ1
        5     | 01/06/2019 |           |
    """) == [2, 3]
