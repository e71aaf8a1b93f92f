"""903 rule 215: A child with care leaver (OC3) data cannot also have the OC2 items for children looked after
for 12 months (CONVICTED, HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE,
INTERVENTION_RECEIVED, INTERVENTION_OFFERED). Both rows are flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import issues

OC2 = ("CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
       "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")


@rule("215", "ssda903", "Child has care leaver information but one or more data items relating to children looked after for 12 months have been completed.", tables=("oc3", "oc2"), fields=("IN_TOUCH",))
def sql(year: int) -> str:
    oc2 = " OR ".join(f"{f} IS NOT NULL" for f in OC2)
    oc3 = "IN_TOUCH IS NOT NULL OR ACTIV IS NOT NULL OR ACCOM IS NOT NULL"
    return f"""SELECT _file, _row, CHILD AS child, 'oc3' AS _table, 'IN_TOUCH' AS field FROM oc3
       WHERE ({oc3}) AND CHILD IN (SELECT CHILD FROM oc2 WHERE {oc2})
       UNION ALL
       SELECT _file, _row, CHILD AS child, 'oc2' AS _table, 'CONVICTED' AS field FROM oc2
       WHERE ({oc2}) AND CHILD IN (SELECT CHILD FROM oc3 WHERE {oc3})"""


def test_215():
    got = issues(sql, 2024, oc3="""
        CHILD | IN_TOUCH | ACTIV | ACCOM
        1     | YES      | F2    | B
        2     | YES      | F2    | B
        3     |          |       |
    """, oc2="""
        CHILD | CONVICTED | SUBSTANCE_MISUSE
        1     | 0         |
        2     |           |
        3     | 0         | 1
    """)
    assert sorted((i.table, i.row) for i in got) == [("oc2", 2), ("oc3", 2)]
