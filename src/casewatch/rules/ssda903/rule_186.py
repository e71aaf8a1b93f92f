"""903 rule 186: A child in the OC2 cohort (looked after continuously for 12 months at 31 March, as in rule
185) aged 4 or over on 1 April and under 17 on 31 March must have an SDQ score or a reason for none
(SDQ_REASON). Ages are taken from oc2.DOB."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._periods import looked_after_12_months
from casewatch.rules.testing import flagged


@rule("186", "ssda903", "Children aged 4 or over at the start of the year and children aged under 17 at the end of the year and who have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) score completed.", tables=("oc2", "episodes"), fields=("SDQ_SCORE",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM oc2
       WHERE DOB + INTERVAL 4 YEAR <= DATE '{year - 1}-04-01' AND DOB + INTERVAL 17 YEAR > DATE '{year}-03-31'
         AND SDQ_SCORE IS NULL AND SDQ_REASON IS NULL AND json_extract_string(_bad, '$.SDQ_SCORE') IS NULL
         AND CHILD IN ({looked_after_12_months(year)})"""


def test_186():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | LS | DEC | REC
        1     | 01/01/2020 | S   | C2 |     |
        2     | 01/01/2020 | S   | C2 |     |
        3     | 01/01/2020 | S   | C2 |     |
        4     | 01/01/2020 | S   | C2 |     |
        5     | 01/01/2020 | S   | C2 |     |
        6     | 01/05/2023 | S   | C2 |     |
    """, oc2="""
        CHILD | DOB        | SDQ_SCORE | SDQ_REASON
        1     | 01/04/2019 |           |
        2     | 02/04/2019 |           |
        3     | 31/03/2007 |           |
        4     | 01/04/2010 | 12        |
        4     | 01/04/2010 |           | SDQ2
        5     | 01/04/2010 |           |
        6     | 01/04/2010 |           |
    """) == [2, 7]
