"""903 rule 198: A reason for no SDQ score (SDQ_REASON) for a child not looked after continuously for 12
months at 31 March (the OC2 cohort, as in rule 185)."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._periods import looked_after_12_months
from casewatch.rules.testing import flagged


@rule("198", "ssda903", "Child has not been looked after continuously for at least 12 months at 31 March but a reason for no Strengths and Difficulties (SDQ) score has been completed. ", tables=("oc2", "episodes"), fields=("SDQ_REASON",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM oc2
       WHERE SDQ_REASON IS NOT NULL AND CHILD NOT IN ({looked_after_12_months(year)})"""


def test_198():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | LS | DEC        | REC
        1     | 01/01/2020 | S   | C2 |            |
        2     | 01/05/2023 | S   | C2 |            |
    """, oc2="""
        CHILD | SDQ_REASON
        1     | SDQ1
        2     | SDQ1
        2     |
        3     | SDQ2
    """) == [3, 5]
