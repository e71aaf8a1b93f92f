"""CIN rule 4014: a child's CIN plans do not overlap (across all their CIN episodes). A plan's start must not
fall on or after another plan's start and before its end (the day after the ReferenceDate for an open plan):
a plan may start the day another ended. CIN plans are in the census from 2021-22."""

from casewatch.rules.cin._census import ref, same_child
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("4014", "cin", "CIN Plan data contains overlapping dates", tables=("cin_plans",),
      fields=("CINPlanStartDate",), since=2022)
def sql(year: int) -> str:
    return f"""SELECT n._file, n._row, n._line, n.LAchildID AS child FROM cin_plans n
      WHERE EXISTS (
        SELECT 1 FROM cin_plans o WHERE {same_child('n', 'o')} AND o._line <> n._line
          AND o.CINPlanStartDate <= n.CINPlanStartDate
          AND n.CINPlanStartDate < coalesce(o.CINPlanEndDate, {ref(year)} + 1))"""


def test_4014():
    assert flagged(sql, 2024, cin_plans="""
        LAchildID | CINdetailsID | CINPlanStartDate | CINPlanEndDate
        1         | 1            | 2023-05-01       |
        1         | 2            | 2023-06-01       |
        2         | 1            | 2023-05-01       | 2023-06-01
        2         | 1            | 2023-06-01       |
        3         | 1            | 2023-05-01       | 2023-05-01
        3         | 1            | 2023-05-01       | 2023-05-30
        4         | 1            |                  |
        4         | 1            | 2023-05-01       |
    """) == [3, 6]


def test_4014_children_without_an_id():
    # the first child with no ID has overlapping plans; the second's plan overlaps them but is another child's
    assert flagged(sql, 2024, cin_plans="""
        _row | LAchildID | CINdetailsID | CINPlanStartDate | CINPlanEndDate
        2    |           | 1            | 2023-05-01       |
        2    |           | 2            | 2023-06-01       |
        3    |           | 1            | 2023-07-01       |
    """) == [3]
