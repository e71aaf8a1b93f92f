"""903 rule 182: The OC2 health items (IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE) must
all be completed once any of the other 12-month items (CONVICTED, HEALTH_CHECK, INTERVENTION_RECEIVED,
INTERVENTION_OFFERED) is: otherwise all are left blank."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged

NEEDED = ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")
OTHERS = ("CONVICTED", "HEALTH_CHECK", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")


@rule("182", "ssda903", "Data entries on immunisations, teeth checks, health assessments and substance misuse problem identified should be completed or all OC2 fields should be left blank.", tables=("oc2",), fields=NEEDED)
def sql(year: int) -> str:
    missing = " OR ".join(f"{f} IS NULL" for f in NEEDED)
    others = " OR ".join(f"{f} IS NOT NULL" for f in OTHERS)
    return f"SELECT _file, _row, CHILD AS child FROM oc2 WHERE ({missing}) AND ({others})"


def test_182():
    assert flagged(sql, 2024, oc2="""
        CHILD | CONVICTED | HEALTH_CHECK | IMMUNISATIONS | TEETH_CHECK | HEALTH_ASSESSMENT | SUBSTANCE_MISUSE
        1     | 0         | 1            | 1             | 1           | 1                 | 0
        2     | 0         |              | 1             |             | 1                 | 0
        3     |           |              |               |             |                   |
        4     |           |              | 1             |             |                   |
        5     |           | 1            |               |             |                   |
    """) == [3, 6]
