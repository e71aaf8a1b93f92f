"""CIN rule 8890: within one CIN episode a section 47 enquiry does not start while another is under way: its
start must not fall on or between another enquiry's start and its initial conference, or the ReferenceDate
when that one is still open (no conference, ICPCnotRequired not true). An enquiry closed with
ICPCnotRequired true has no known end and is not compared against."""

from casewatch.rules.cin._census import episode, ref
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8890", "cin", "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing",
      tables=("section47",), fields=("S47ActualStartDate",))
def sql(year: int) -> str:
    return f"""SELECT s._file, s._row, s._line, s.LAchildID AS child FROM section47 s
      WHERE EXISTS (
        SELECT 1 FROM section47 o WHERE {episode('s', 'o')} AND o._line <> s._line
          AND (o.DateOfInitialCPC IS NOT NULL OR o.ICPCnotRequired IS DISTINCT FROM true)
          AND s.S47ActualStartDate BETWEEN o.S47ActualStartDate AND coalesce(o.DateOfInitialCPC, {ref(year)}))"""


def test_8890():
    assert flagged(sql, 2024, section47="""
        LAchildID | CINdetailsID | S47ActualStartDate | DateOfInitialCPC | ICPCnotRequired
        1         | 1            | 2023-05-01         | 2023-05-20       | 0
        1         | 1            | 2023-05-20         |                  | 0
        1         | 2            | 2023-05-10         |                  | 0
        2         | 1            | 2023-05-01         |                  | 1
        2         | 1            | 2023-06-01         |                  | 1
        3         | 1            | 2023-05-01         |                  | 0
        3         | 1            | 2024-03-31         | 2024-03-31       | 0
        4         | 1            | 2023-05-01         | 2023-05-10       | 0
        4         | 1            | 2023-05-11         |                  | 0
    """) == [3, 8]
