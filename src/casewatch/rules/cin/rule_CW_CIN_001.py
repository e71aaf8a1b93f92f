"""CIN rule CW-CIN-001: a CP plan with no end date inside a closed CIN episode.

The DfE's 8565 catches a CP plan that ends after its episode closed, but not one that never ends. Such a
plan would be counted as open at 31 March (the CP plans indicator) for a child whose case is closed; one of
the two dates is wrong.
"""

from casewatch.rules.cin._census import episode
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("CW-CIN-001", "cin", "A child protection plan has no end date but its CIN episode is closed.",
      tables=("cp_plans",), fields=("CPPendDate",))
def sql(year: int) -> str:
    return f"""SELECT p._file, p._row, p._line, p.LAchildID AS child FROM cp_plans p
      WHERE p.CPPendDate IS NULL
        AND EXISTS (SELECT 1 FROM cin_details d WHERE {episode('p', 'd')} AND d.CINclosureDate IS NOT NULL)"""


def test_CW_CIN_001():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINclosureDate
        1         | 1            | 2023-09-01
        1         | 2            |
    """, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate | CPPendDate
        1         | 1            | 2023-08-01   | 2023-09-01
        1         | 1            | 2023-08-01   |
        1         | 2            | 2023-08-01   |
        2         | 1            | 2023-08-01   |
    """) == [3]
