"""CIN rule 4012Q: a CIN plan that starts and ends on the same day is queried (CIN plans from 2021-22)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("4012Q", "cin", "Please check and either amend or provide a reason: CIN Plan shown as starting and ending "
      "on the same day", tables=("cin_plans",), fields=("CINPlanEndDate",), severity="query", since=2022)
def sql(year: int) -> str:
    return "SELECT _file, _row, _line, LAchildID AS child FROM cin_plans WHERE CINPlanEndDate = CINPlanStartDate"


def test_4012Q():
    assert flagged(sql, 2024, cin_plans="""
        LAchildID | CINdetailsID | CINPlanStartDate | CINPlanEndDate
        1         | 1            | 2023-05-01       | 2023-05-01
        2         | 1            | 2023-05-01       | 2023-05-02
        3         | 1            | 2023-05-01       |
    """) == [2]
