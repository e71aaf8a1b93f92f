"""CIN rule 2885: a child protection plan starting in the census year starts on the day of its initial child
protection conference: a Section47 DateOfInitialCPC in the same CIN episode or, when the episode has no
section 47 enquiry, the CINdetails' own DateOfInitialCPC. The plan is flagged."""

from casewatch.rules.cin._census import episode, ref, start
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("2885", "cin", "Child protection plan shown as starting a different day to the initial child protection "
      "conference.", tables=("cp_plans",), fields=("CPPstartDate",))
def sql(year: int) -> str:
    return f"""SELECT p._file, p._row, p._line, p.LAchildID AS child FROM cp_plans p
      JOIN cin_details d ON {episode('p', 'd')}
      WHERE p.CPPstartDate BETWEEN {start(year)} AND {ref(year)}
        AND NOT EXISTS (SELECT 1 FROM section47 s WHERE {episode('p', 's')} AND s.DateOfInitialCPC = p.CPPstartDate)
        AND NOT (d.DateOfInitialCPC IS NOT DISTINCT FROM p.CPPstartDate
                 AND NOT EXISTS (SELECT 1 FROM section47 s WHERE {episode('p', 's')}))"""


def test_2885():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | DateOfInitialCPC
        1         | 1            |
        2         | 1            | 2023-06-01
        3         | 1            | 2023-06-01
        4         | 1            |
        5         | 1            |
    """, section47="""
        LAchildID | CINdetailsID | DateOfInitialCPC
        1         | 1            | 2023-05-01
        1         | 1            | 2023-06-01
        3         | 1            | 2023-05-01
        4         | 1            | 2023-05-01
    """, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate
        1         | 1            | 2023-06-01
        2         | 1            | 2023-06-01
        3         | 1            | 2023-06-01
        4         | 1            | 2023-03-31
        5         | 1            | 2023-04-01
    """) == [4, 6]
