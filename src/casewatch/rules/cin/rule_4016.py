"""CIN rule 4016: a CIN plan does not start while the child is on a child protection plan: its start must not
fall on or after any CP plan's start of the child and before that plan's end (the day after the
ReferenceDate for an open CP plan). Starting the day a CP plan ended (stepping down) is allowed. The CIN
plan is flagged; rule 4017 is the same from the CP plan's side. CIN plans are in the census from 2021-22."""

from casewatch.rules.cin._census import ref, same_child
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("4016", "cin", "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
      tables=("cin_plans",), fields=("CINPlanStartDate",), since=2022)
def sql(year: int) -> str:
    return f"""SELECT n._file, n._row, n._line, n.LAchildID AS child FROM cin_plans n
      WHERE EXISTS (
        SELECT 1 FROM cp_plans p WHERE {same_child('n', 'p')}
          AND n.CINPlanStartDate >= p.CPPstartDate
          AND n.CINPlanStartDate < coalesce(p.CPPendDate, {ref(year)} + 1))"""


def test_4016():
    assert flagged(sql, 2024, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate | CPPendDate
        1         | 1            | 2023-05-01   | 2023-08-01
        2         | 1            | 2023-05-01   |
        3         | 1            | 2023-05-01   | 2023-08-01
    """, cin_plans="""
        LAchildID | CINdetailsID | CINPlanStartDate | CINPlanEndDate
        1         | 1            | 2023-05-01       |
        1         | 1            | 2023-08-01       |
        2         | 2            | 2024-03-31       |
        3         | 1            | 2023-04-30       | 2023-05-01
        3         | 1            |                  |
    """) == [2, 4]
