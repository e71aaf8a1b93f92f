"""CIN rule 8925: a child protection plan cannot end before it starts. Such a plan has no usable duration (CP
plan length and open-at-31-March counts), so it is quarantined."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8925", "cin", "Child Protection Plan End Date earlier than Start Date", tables=("cp_plans",),
      fields=("CPPendDate",), quarantine=True)
def sql(year: int) -> str:
    return "SELECT _file, _row, _line, LAchildID AS child FROM cp_plans WHERE CPPendDate < CPPstartDate"


def test_8925():
    assert flagged(sql, 2024, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate | CPPendDate
        1         | 1            | 2023-05-02   | 2023-05-01
        2         | 1            | 2023-05-01   | 2023-05-01
        3         | 1            |              | 2023-05-01
        4         | 1            | 2023-05-01   |
    """) == [2]
