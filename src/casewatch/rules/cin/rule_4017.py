"""CIN rule 4017: a child protection plan does not start while the child is on a CIN plan: its start must not
fall on or after any CIN plan's start of the child and before that plan's end (the day after the
ReferenceDate for an open CIN plan). Starting the day a CIN plan ended (stepping up) is allowed. The CP plan
is flagged; rule 4016 is the same from the CIN plan's side. CIN plans are in the census from 2021-22."""

from casewatch.rules.cin._census import ref, same_child
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("4017", "cin", "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
      tables=("cp_plans",), fields=("CPPstartDate",), since=2022)
def sql(year: int) -> str:
    return f"""SELECT p._file, p._row, p._line, p.LAchildID AS child FROM cp_plans p
      WHERE EXISTS (
        SELECT 1 FROM cin_plans n WHERE {same_child('p', 'n')}
          AND p.CPPstartDate >= n.CINPlanStartDate
          AND p.CPPstartDate < coalesce(n.CINPlanEndDate, {ref(year)} + 1))"""


def test_4017():
    assert flagged(sql, 2024, cin_plans="""
        LAchildID | CINdetailsID | CINPlanStartDate | CINPlanEndDate
        1         | 1            | 2023-05-01       | 2023-08-01
        2         | 1            | 2023-05-01       |
        3         | 1            | 2023-05-01       | 2023-08-01
    """, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate | CPPendDate
        1         | 1            | 2023-05-01   |
        1         | 1            | 2023-08-01   |
        2         | 2            | 2024-03-31   |
        3         | 1            | 2023-04-30   | 2023-05-01
        3         | 1            |              |
    """) == [2, 4]
