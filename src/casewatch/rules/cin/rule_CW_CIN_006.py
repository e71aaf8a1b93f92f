"""CIN rule CW-CIN-006: a child protection plan that started in the census year comes from a section 47 enquiry
and its initial conference, both in the same CIN episode. A plan in an episode with no <Section47> and no
DateOfInitialCPC on the <CINdetails> breaks the s47 -> ICPC -> CP plan chain the conversion indicators
follow. A query: a plan transferred in from another LA starts at a transfer-in conference."""

from casewatch.rules.cin._census import episode, ref, start
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("CW-CIN-006", "cin", "A child protection plan started in the year but its CIN episode has no section 47 "
      "enquiry and no initial child protection conference.", tables=("cp_plans",), fields=("CPPstartDate",),
      severity="query")
def sql(year: int) -> str:
    return f"""SELECT p._file, p._row, p._line, p.LAchildID AS child FROM cp_plans p
      WHERE p.CPPstartDate BETWEEN {start(year)} AND {ref(year)}
        AND NOT EXISTS (SELECT 1 FROM section47 s WHERE {episode('p', 's')})
        AND NOT EXISTS (SELECT 1 FROM cin_details d WHERE {episode('p', 'd')} AND d.DateOfInitialCPC IS NOT NULL)"""


def test_CW_CIN_006():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | DateOfInitialCPC
        1         | 1            |
        2         | 1            | 2023-06-01
        3         | 1            |
        4         | 1            |
    """, section47="""
        LAchildID | CINdetailsID | S47ActualStartDate
        1         | 1            | 2023-05-01
    """, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate
        1         | 1            | 2023-06-01
        2         | 1            | 2023-06-01
        3         | 1            | 2023-04-01
        3         | 1            | 2023-03-31
        4         | 1            | 2024-03-31
    """) == [4, 6]
