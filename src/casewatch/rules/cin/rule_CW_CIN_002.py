"""CIN rule CW-CIN-002: a CIN plan with no end date inside a closed CIN episode (CIN plans from 2021-22).

As CW-CIN-001 for CIN plans: 8565 catches a plan ending after the closure, not one that never ends, which
would count as open at 31 March for a closed case.
"""

from casewatch.rules.cin._census import episode
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("CW-CIN-002", "cin", "A CIN plan has no end date but its CIN episode is closed.", tables=("cin_plans",),
      fields=("CINPlanEndDate",), since=2022)
def sql(year: int) -> str:
    return f"""SELECT p._file, p._row, p._line, p.LAchildID AS child FROM cin_plans p
      WHERE p.CINPlanEndDate IS NULL
        AND EXISTS (SELECT 1 FROM cin_details d WHERE {episode('p', 'd')} AND d.CINclosureDate IS NOT NULL)"""


def test_CW_CIN_002():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINclosureDate
        1         | 1            | 2023-09-01
        1         | 2            |
    """, cin_plans="""
        LAchildID | CINdetailsID | CINPlanStartDate | CINPlanEndDate
        1         | 1            | 2023-08-01       | 2023-09-01
        1         | 1            | 2023-08-01       |
        1         | 2            | 2023-08-01       |
        2         | 1            | 2023-08-01       |
    """) == [3]
