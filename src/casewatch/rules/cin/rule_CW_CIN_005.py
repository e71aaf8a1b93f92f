"""CIN rule CW-CIN-005: a child protection plan's review conferences fall within the plan: none after its end
date (the review that ends a plan is on its end date) and none after the ReferenceDate. The DfE checks only
the start (8841) and CIN-plan clashes (4003); a late review would count towards the 'reviewed within
timescales' indicator a review that cannot have happened."""

from casewatch.rules.cin._census import ref
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("CW-CIN-005", "cin", "A child protection plan review date is after the plan's end date or after the end of "
      "the census year.", tables=("cp_plans",), fields=("CPPreviewDate",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, _line, LAchildID AS child FROM cp_plans
      WHERE list_max(CPPreviewDate) > least(coalesce(CPPendDate, {ref(year)}), {ref(year)})"""


def test_CW_CIN_005():
    assert flagged(sql, 2024, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate | CPPendDate | CPPreviewDate
        1         | 1            | 2023-05-01   | 2023-09-01 | 2023-07-01,2023-09-01
        2         | 1            | 2023-05-01   | 2023-09-01 | 2023-09-02,2023-07-01
        3         | 1            | 2023-05-01   |            | 2024-03-31
        4         | 1            | 2023-05-01   |            | 2024-04-01
        5         | 1            | 2023-05-01   | 2024-05-01 | 2024-04-01
        6         | 1            | 2023-05-01   | 2023-09-01 |
    """) == [3, 5, 6]
