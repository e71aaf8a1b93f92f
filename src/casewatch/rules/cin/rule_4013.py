"""CIN rule 4013: a CIN plan's end date, when present, falls within the census year (CIN plans from 2021-22)."""

from casewatch.rules.cin._census import ref, start
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("4013", "cin", "CIN Plan end date must fall within the census year", tables=("cin_plans",),
      fields=("CINPlanEndDate",), since=2022)
def sql(year: int) -> str:
    return f"""SELECT _file, _row, _line, LAchildID AS child FROM cin_plans
      WHERE CINPlanEndDate < {start(year)} OR CINPlanEndDate > {ref(year)}"""


def test_4013():
    assert flagged(sql, 2024, cin_plans="""
        LAchildID | CINdetailsID | CINPlanEndDate
        1         | 1            | 2023-03-31
        2         | 1            | 2023-04-01
        3         | 1            | 2024-03-31
        4         | 1            | 2024-04-01
        5         | 1            |
    """) == [2, 5]
