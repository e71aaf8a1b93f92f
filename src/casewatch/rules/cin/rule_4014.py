"""CIN rule 4014: A child's CIN plans overlap."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("4014", "cin", "CIN Plan data contains overlapping dates", tables=("cin_plans",), fields=("CINPlanStartDate",), since=2022)
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM (SELECT *, lag(coalesce(CINPlanEndDate, DATE '9999-12-31')) OVER (PARTITION BY _file, LAchildID ORDER BY CINPlanStartDate) AS prev_end,
        row_number() OVER (PARTITION BY _file, LAchildID ORDER BY CINPlanStartDate) AS n FROM cin_plans) WHERE n > 1 AND prev_end > CINPlanStartDate"""


def test_4014():
    assert flagged(sql, 2024, cin_plans="""
        LAchildID | CINdetailsID | CINPlanStartDate | CINPlanEndDate
        1         | 1            | 2023-05-01       |
        1         | 1            | 2023-06-01       |
        2         | 1            | 2023-05-01       | 2023-06-01
        2         | 1            | 2023-06-01       |
    """) == [3]
