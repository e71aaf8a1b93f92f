"""CIN rule 8840: a child protection plan does not start and end on the same day."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8840", "cin", "Child Protection Plan cannot start and end on the same day", tables=("cp_plans",),
      fields=("CPPendDate",))
def sql(year: int) -> str:
    return "SELECT _file, _row, _line, LAchildID AS child FROM cp_plans WHERE CPPendDate = CPPstartDate"


def test_8840():
    assert flagged(sql, 2024, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate | CPPendDate
        1         | 1            | 2023-05-01   | 2023-05-01
        2         | 1            | 2023-05-01   | 2023-05-02
        3         | 1            | 2023-05-01   |
    """) == [2]
