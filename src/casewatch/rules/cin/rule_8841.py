"""CIN rule 8841: a review conference of a child protection plan is after the day the plan started."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8841", "cin", "The review date cannot be on the same day or before the Child protection Plan start date.",
      tables=("cp_plans",), fields=("CPPreviewDate",))
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM cp_plans
      WHERE list_min(CPPreviewDate) <= CPPstartDate"""


def test_8841():
    assert flagged(sql, 2024, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate | CPPreviewDate
        1         | 1            | 2023-05-01   | 2023-08-01,2023-05-01
        2         | 1            | 2023-05-01   | 2023-05-02
        3         | 1            | 2023-05-01   | 2023-04-30
        4         | 1            |              | 2023-04-30
        5         | 1            | 2023-05-01   |
    """) == [2, 4]
