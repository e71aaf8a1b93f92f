"""CIN rule 4011: A CIN plan that ends before it starts: it cannot be used."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("4011", "cin", "CIN Plan End Date earlier than Start Date", tables=("cin_plans",), fields=("CINPlanEndDate",), since=2022, quarantine=True)
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM cin_plans WHERE CINPlanEndDate < CINPlanStartDate"""


def test_4011():
    assert flagged(sql, 2024, cin_plans="""
        LAchildID | CINdetailsID | CINPlanStartDate | CINPlanEndDate
        1         | 1            | 2023-05-02       | 2023-05-01
        2         | 1            | 2023-05-01       | 2023-05-01
    """) == [2]
