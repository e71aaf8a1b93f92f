"""CIN rule 8940: a child's child protection plans do not overlap (across all their CIN episodes). A plan's
start must not fall on or after another plan's start and before its end (the day after the ReferenceDate
for an open plan): a plan may start the day another ended. Of two plans starting the same day, each is
flagged if the other lasts beyond that day."""

from casewatch.rules.cin._census import ref, same_child
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8940", "cin", "Child Protection Plan data contains overlapping dates", tables=("cp_plans",),
      fields=("CPPstartDate",))
def sql(year: int) -> str:
    return f"""SELECT p._file, p._row, p._line, p.LAchildID AS child FROM cp_plans p
      WHERE EXISTS (
        SELECT 1 FROM cp_plans o WHERE {same_child('p', 'o')} AND o._line <> p._line
          AND o.CPPstartDate <= p.CPPstartDate
          AND p.CPPstartDate < coalesce(o.CPPendDate, {ref(year)} + 1))"""


def test_8940():
    assert flagged(sql, 2024, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate | CPPendDate
        1         | 1            | 2023-05-01   | 2023-06-10
        1         | 2            | 2023-06-01   |
        2         | 1            | 2023-05-01   | 2023-06-01
        2         | 1            | 2023-06-01   |
        3         | 1            | 2023-05-01   |
        3         | 1            | 2024-03-31   |
        4         | 1            | 2023-05-01   | 2023-05-20
        4         | 1            | 2023-05-01   | 2023-05-30
        5         | 1            |              |
        5         | 1            | 2023-05-01   |
    """) == [3, 7, 8, 9]
