"""CIN rule 4001: within one CIN episode a CIN plan and a child protection plan are not both open (no end
date): a child on a CP plan is not also on a CIN plan. Each open CIN plan is flagged. CIN plans are in the
census from 2021-22."""

from casewatch.rules.cin._census import episode
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("4001", "cin", "A CIN Plan cannot run concurrently with a Child Protection Plan", tables=("cin_plans",),
      fields=("CINPlanEndDate",), since=2022)
def sql(year: int) -> str:
    return f"""SELECT n._file, n._row, n._line, n.LAchildID AS child FROM cin_plans n
      WHERE n.CINPlanEndDate IS NULL
        AND EXISTS (SELECT 1 FROM cp_plans p WHERE {episode('n', 'p')} AND p.CPPendDate IS NULL)"""


def test_4001():
    assert flagged(sql, 2024, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate | CPPendDate
        1         | 1            | 2023-05-01   |
        2         | 1            | 2023-05-01   | 2023-06-01
        3         | 1            | 2023-05-01   |
    """, cin_plans="""
        LAchildID | CINdetailsID | CINPlanStartDate | CINPlanEndDate
        1         | 1            | 2023-06-01       |
        1         | 1            | 2023-04-01       | 2023-05-01
        2         | 1            | 2023-06-01       |
        3         | 2            | 2023-06-01       |
    """) == [2]
