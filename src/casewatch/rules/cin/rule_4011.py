"""CIN rule 4011: a CIN plan cannot end before it starts. Such a plan has no usable duration (open-at-31-March
counts), so it is quarantined. CIN plans are in the census from 2021-22."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("4011", "cin", "CIN Plan End Date earlier than Start Date", tables=("cin_plans",),
      fields=("CINPlanEndDate",), since=2022, quarantine=True)
def sql(year: int) -> str:
    return "SELECT _file, _row, _line, LAchildID AS child FROM cin_plans WHERE CINPlanEndDate < CINPlanStartDate"


def test_4011():
    assert flagged(sql, 2024, cin_plans="""
        LAchildID | CINdetailsID | CINPlanStartDate | CINPlanEndDate
        1         | 1            | 2023-05-02       | 2023-05-01
        2         | 1            | 2023-05-01       | 2023-05-01
        3         | 1            |                  | 2023-05-01
        4         | 1            | 2023-05-01       |
    """) == [2]
