"""903 rule 181: The OC2 items for children looked after for 12 months (CONVICTED, HEALTH_CHECK,
IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE, INTERVENTION_RECEIVED,
INTERVENTION_OFFERED), where given, must be 0 or 1. Each bad item is reported with its field."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import issues

ITEMS = ("CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
         "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")


@rule("181", "ssda903", "Data items relating to children looked after continuously for 12 months should be completed with a 0 or 1.", tables=("oc2",), fields=ITEMS)
def sql(year: int) -> str:
    return " UNION ALL ".join(
        f"SELECT _file, _row, CHILD AS child, '{f}' AS field FROM oc2 WHERE {f} NOT IN ('0', '1')" for f in ITEMS)


def test_181():
    got = issues(sql, 2024, oc2="""
        CHILD | CONVICTED | HEALTH_CHECK | IMMUNISATIONS | SUBSTANCE_MISUSE | INTERVENTION_OFFERED
        1     | 0         | 1            | 1             | 0                |
        2     |           |              |               |                  |
        3     | 2         | 1            | 1             | 0                | Y
        4     | 1         | 1            | 9             | 0                | 1
    """)
    assert sorted((i.row, i.field) for i in got) == [(4, "CONVICTED"), (4, "INTERVENTION_OFFERED"),
                                                     (5, "IMMUNISATIONS")]
