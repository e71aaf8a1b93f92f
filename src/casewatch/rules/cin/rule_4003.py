"""CIN rule 4003: within one CIN episode a CP plan review conference is not held while a CIN plan is open: no
CPPreviewDate falls on or after a CIN plan's start and before its end (the day after the ReferenceDate for
an open CIN plan), unless the review is the CP plan's end date (the review that ended it, after which a CIN
plan can start). The CP plan is flagged. CIN plans are in the census from 2021-22."""

from casewatch.rules.cin._census import episode, ref
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("4003", "cin", "A CPP review date is shown as being held at the same time as an open CIN Plan.",
      tables=("cp_plans",), fields=("CPPreviewDate",), since=2022)
def sql(year: int) -> str:
    return f"""SELECT DISTINCT p._file, p._row, p._line, p.LAchildID AS child
      FROM (SELECT *, unnest(CPPreviewDate) AS review FROM cp_plans) p
      JOIN cin_plans n ON {episode('p', 'n')}
      WHERE p.review >= n.CINPlanStartDate AND p.review < coalesce(n.CINPlanEndDate, {ref(year)} + 1)
        AND p.review IS DISTINCT FROM p.CPPendDate"""


def test_4003():
    assert flagged(sql, 2024, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate | CPPendDate | CPPreviewDate
        1         | 1            | 2023-05-01   | 2023-08-01 | 2023-07-01,2023-08-01
        2         | 1            | 2023-05-01   | 2023-08-01 | 2023-08-01
        3         | 1            | 2023-05-01   |            | 2023-07-01,2023-07-15
        4         | 1            | 2023-05-01   | 2023-07-01 | 2023-06-01
        5         | 1            | 2023-05-01   |            |
    """, cin_plans="""
        LAchildID | CINdetailsID | CINPlanStartDate | CINPlanEndDate
        1         | 1            | 2023-06-15       | 2023-07-02
        2         | 1            | 2023-06-15       |
        3         | 1            | 2023-06-15       |
        4         | 1            | 2023-04-01       | 2023-06-01
        4         | 2            | 2023-05-01       |
        5         | 1            | 2023-04-01       |
    """) == [2, 4]
