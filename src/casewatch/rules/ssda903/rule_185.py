"""903 rule 185: An SDQ score for a child not looked after continuously for 12 months at 31 March.

``looked_after_12_months(year)`` is the DfE's OC2 cohort as its 903 validation rules define it, and rules
186-198 use it: a child looked after at some point in the year who has no episode showing a break in the
year: a new period of care (RNE S) starting after 1 April, an episode ending after 1 April and before 31
March for a reason other than a change of placement (REC not X1), or short-break care (LS V3 or V4)
during the year. A child with no episodes is not in the cohort."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._periods import looked_after_12_months
from casewatch.rules.testing import flagged


@rule("185", "ssda903", "Child has not been looked after continuously for at least 12 months at 31 March but a Strengths and Difficulties (SDQ) score has been completed.", tables=("oc2", "episodes"), fields=("SDQ_SCORE",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM oc2
       WHERE (SDQ_SCORE IS NOT NULL OR json_extract_string(_bad, '$.SDQ_SCORE') IS NOT NULL)
         AND CHILD NOT IN ({looked_after_12_months(year)})"""


def test_185():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | LS | DEC        | REC
        1     | 01/01/2020 | S   | C2 | 01/06/2023 | X1
        1     | 01/06/2023 | P   | C2 |            |
        2     | 01/05/2023 | S   | C2 |            |
        3     | 01/01/2020 | S   | C2 | 01/06/2023 | E11
        4     | 01/01/2020 | S   | V3 |            |
        5     | 01/01/2020 | S   | C2 | 01/01/2023 | E11
    """, oc2="""
        CHILD | SDQ_SCORE
        1     | 10
        2     | 10
        3     | 10
        4     | 10
        5     | 10
        6     | 10
        1     |
        2     |
    """) == [3, 4, 5, 6, 7]
