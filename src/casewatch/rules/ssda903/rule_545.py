"""903 rule 545: A child aged under 5 at 31 March, looked after continuously for 12 months (rule 543's
cohort), with no health promotion information (OC2 HEALTH_CHECK)."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._periods import looked_after_12_months
from casewatch.rules.testing import flagged


@rule("545", "ssda903", "Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet health promotion information has not been completed.", tables=("oc2", "episodes"), fields=("HEALTH_CHECK",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM oc2
       WHERE HEALTH_CHECK IS NULL AND DOB + INTERVAL 5 YEAR > DATE '{int(year)}-03-31'
         AND CHILD IN ({looked_after_12_months(year)})"""


def test_545():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | LS | DEC | REC
        1     | 01/01/2020 | S   | C2 |     |
        2     | 01/01/2020 | S   | C2 |     |
        3     | 01/01/2020 | S   | C2 |     |
        4     | 01/05/2023 | S   | C2 |     |
    """, oc2="""
        CHILD | DOB        | HEALTH_CHECK
        1     | 01/04/2019 |
        2     | 31/03/2019 |
        3     | 01/04/2019 | 1
        4     | 01/04/2019 |
    """) == [2]
