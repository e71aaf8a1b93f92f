"""903 rule 191: A child in the OC2 cohort (looked after continuously for 12 months at 31 March, as in rule
185) must have the OC2 health items IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT and SUBSTANCE_MISUSE
completed. An OC2 row with any of them blank is flagged; a child in the cohort with no OC2 row at all is
flagged on the child's first episode (by DECOM)."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._periods import looked_after_12_months
from casewatch.rules.testing import issues

NEEDED = ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")


@rule("191", "ssda903", "Child has been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been left blank.", tables=("oc2", "episodes"), fields=NEEDED)
def sql(year: int) -> str:
    missing = " OR ".join(f"{f} IS NULL" for f in NEEDED)
    cohort = looked_after_12_months(year)
    return f"""SELECT _file, _row, CHILD AS child, 'oc2' AS _table FROM oc2
       WHERE ({missing}) AND CHILD IN ({cohort})
       UNION ALL
       SELECT _file, _row, CHILD AS child, 'episodes' AS _table FROM episodes
       WHERE CHILD IN ({cohort}) AND CHILD NOT IN (SELECT CHILD FROM oc2 WHERE CHILD IS NOT NULL)
       QUALIFY row_number() OVER (PARTITION BY CHILD ORDER BY DECOM, _row) = 1"""


def test_191():
    got = issues(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | LS | DEC        | REC
        1     | 01/01/2020 | S   | C2 |            |
        2     | 01/01/2020 | S   | C2 |            |
        3     | 01/01/2020 | S   | C2 | 01/01/2021 | X1
        3     | 01/01/2021 | P   | C2 |            |
        4     | 01/05/2023 | S   | C2 |            |
    """, oc2="""
        CHILD | IMMUNISATIONS | TEETH_CHECK | HEALTH_ASSESSMENT | SUBSTANCE_MISUSE
        1     | 1             | 1           | 1                 | 0
        2     | 1             |             | 1                 | 0
        4     |               |             |                   |
    """)
    assert sorted((i.table, i.row) for i in got) == [("episodes", 4), ("oc2", 3)]


def test_191_an_oc2_row_with_no_child_hides_nobody():
    got = issues(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | LS
        1     | 01/01/2020 | S   | C2
        2     | 01/01/2020 | S   | C2
    """, oc2="""
        CHILD | IMMUNISATIONS | TEETH_CHECK | HEALTH_ASSESSMENT | SUBSTANCE_MISUSE
        1     | 1             | 1           | 1                 | 0
              | 1             | 1           | 1                 | 0
    """)
    assert sorted((i.table, i.row) for i in got) == [("episodes", 3)]
