"""CIN rule 4004: a child has at most one open CIN plan (no end date); every open plan of a child with more
than one is flagged. CIN plans are in the census from 2021-22."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("4004", "cin", "This child is showing more than one open CIN Plan, i.e. with no End Date",
      tables=("cin_plans",), fields=("CINPlanEndDate",), since=2022)
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM (
        SELECT *, count(*) OVER (PARTITION BY _file, _row) AS open_n FROM cin_plans
        WHERE CINPlanEndDate IS NULL)
      WHERE open_n > 1"""


def test_4004():
    assert flagged(sql, 2024, cin_plans="""
        LAchildID | CINdetailsID | CINPlanStartDate | CINPlanEndDate
        1         | 1            | 2023-05-01       |
        1         | 2            | 2023-06-01       |
        2         | 1            | 2023-05-01       | 2023-05-20
        2         | 1            | 2023-06-01       |
        3         | 1            | 2023-06-01       |
    """) == [2, 3]


def test_4004_children_without_an_id():
    assert flagged(sql, 2024, cin_plans="""
        _row | LAchildID | CINdetailsID | CINPlanStartDate | CINPlanEndDate
        2    |           | 1            | 2023-05-01       |
        3    |           | 1            | 2023-06-01       |
    """) == []
