"""903 rule 190: OC2 items for children looked after for 12 months (CONVICTED, HEALTH_CHECK, IMMUNISATIONS,
TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE, INTERVENTION_RECEIVED, INTERVENTION_OFFERED) given for a
child not looked after continuously for 12 months at 31 March (the cohort as in rule 185)."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._periods import looked_after_12_months
from casewatch.rules.testing import flagged

ITEMS = ("CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
         "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")


@rule("190", "ssda903", "Child has not been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been completed.", tables=("oc2", "episodes"), fields=ITEMS)
def sql(year: int) -> str:
    given = " OR ".join(f"{f} IS NOT NULL" for f in ITEMS)
    return f"""SELECT _file, _row, CHILD AS child FROM oc2
       WHERE ({given}) AND CHILD NOT IN ({looked_after_12_months(year)})"""


def test_190():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | LS | DEC        | REC
        1     | 01/01/2020 | S   | C2 |            |
        2     | 01/05/2023 | S   | C2 |            |
    """, oc2="""
        CHILD | CONVICTED | INTERVENTION_OFFERED
        1     | 0         | 1
        2     |           | 1
        2     |           |
        3     | 1         |
    """) == [3, 5]


def test_190_an_episode_with_no_child_hides_nobody():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | LS | DEC        | REC
        1     | 01/01/2020 | S   | C2 |            |
              | 01/01/2020 | S   | C2 |            |
    """, oc2="""
        CHILD | CONVICTED | INTERVENTION_OFFERED
        1     | 0         | 1
        3     | 1         |
    """) == [3]
