"""CIN rule 8940: A child's child protection plans overlap."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8940", "cin", "Child Protection Plan data contains overlapping dates", tables=("cp_plans",), fields=("CPPstartDate",))
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM (SELECT *, lag(coalesce(CPPendDate, DATE '9999-12-31')) OVER (PARTITION BY _file, LAchildID ORDER BY CPPstartDate) AS prev_end,
        row_number() OVER (PARTITION BY _file, LAchildID ORDER BY CPPstartDate) AS n FROM cp_plans) WHERE n > 1 AND prev_end > CPPstartDate"""


def test_8940():
    assert flagged(sql, 2024, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate | CPPendDate
        1         | 1            | 2023-05-01   | 2023-06-10
        1         | 1            | 2023-06-01   |
        2         | 1            | 2023-05-01   | 2023-06-01
        2         | 1            | 2023-06-01   |
    """) == [3]
