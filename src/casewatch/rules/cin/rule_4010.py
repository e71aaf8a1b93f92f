"""CIN rule 4010: a CIN plan has its start date, on or before the ReferenceDate (CIN plans from 2021-22)."""

from casewatch.rules.cin._census import ref
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("4010", "cin", "CIN Plan start date is missing or out of data collection period", tables=("cin_plans",),
      fields=("CINPlanStartDate",), since=2022)
def sql(year: int) -> str:
    return f"""SELECT _file, _row, _line, LAchildID AS child FROM cin_plans
      WHERE CINPlanStartDate IS NULL OR CINPlanStartDate > {ref(year)}"""


def test_4010():
    assert flagged(sql, 2024, cin_plans="""
        LAchildID | CINdetailsID | CINPlanStartDate
        1         | 1            | 2024-03-31
        2         | 1            | 2024-04-01
        3         | 1            |
        4         | 1            | 2021-01-01
    """) == [3, 4]
    assert not sql.applies(2021)
