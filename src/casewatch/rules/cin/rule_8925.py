"""CIN rule 8925: A child protection plan that ends before it starts: it cannot be used."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8925", "cin", "Child Protection Plan End Date earlier than Start Date", tables=("cp_plans",), fields=("CPPendDate",), quarantine=True)
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM cp_plans WHERE CPPendDate < CPPstartDate"""


def test_8925():
    assert flagged(sql, 2024, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate | CPPendDate
        1         | 1            | 2023-05-02   | 2023-05-01
        2         | 1            | 2023-05-01   | 2023-05-02
    """) == [2]
