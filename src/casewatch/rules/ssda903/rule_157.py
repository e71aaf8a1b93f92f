"""903 rule 157: SDQ_REASON SDQ1 (no SDQ because the child is outside the age range) for a child in the OC2
cohort (looked after continuously for 12 months at 31 March, as in rule 185) who was 4 or over on 1 April
and 16 or under on 31 March, with no SDQ score.

The DfE's validator (csc-validator-be-903 0.1.17) requires the child to be under 16 on 31 March (16th
birthday on or after it), which spares 16-year-olds; casewatch follows the DfE's text, "16 years or under
at the end of the year"."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._periods import looked_after_12_months
from casewatch.rules.testing import flagged


@rule("157", "ssda903", "Child is aged 4 years or over at the beginning of the year or 16 years or under at the end of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason for no Strengths and Difficulties Questionnaire (SDQ) score.", tables=("oc2", "episodes"), fields=("SDQ_REASON",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM oc2
       WHERE SDQ_REASON = 'SDQ1' AND SDQ_SCORE IS NULL
         AND DOB + INTERVAL 4 YEAR <= DATE '{year - 1}-04-01' AND DOB + INTERVAL 17 YEAR > DATE '{year}-03-31'
         AND CHILD IN ({looked_after_12_months(year)})"""


def test_157():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | LS | DEC | REC
        1     | 01/01/2020 | S   | C2 |     |
        2     | 01/01/2020 | S   | C2 |     |
        3     | 01/01/2020 | S   | C2 |     |
        4     | 01/01/2020 | S   | C2 |     |
        5     | 01/05/2023 | S   | C2 |     |
    """, oc2="""
        CHILD | DOB        | SDQ_SCORE | SDQ_REASON
        1     | 01/06/2010 |           | SDQ1
        2     | 01/06/2007 |           | SDQ1
        3     | 01/06/2006 |           | SDQ1
        4     | 01/06/2010 |           | SDQ2
        5     | 01/06/2010 |           | SDQ1
        1     | 01/06/2010 | 12        | SDQ1
    """) == [2, 3]
