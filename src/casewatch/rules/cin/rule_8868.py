"""CIN rule 8868: when a CIN episode is closed, every section 47 enquiry in it is finished: it has its initial
conference date or ICPCnotRequired true. Each unfinished <Section47> is flagged."""

from casewatch.rules.cin._census import episode
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8868", "cin", "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by "
      "ICPC date or ICPC not required flag", tables=("section47",), fields=("DateOfInitialCPC",))
def sql(year: int) -> str:
    return f"""SELECT s._file, s._row, s._line, s.LAchildID AS child FROM section47 s
      WHERE s.DateOfInitialCPC IS NULL AND s.ICPCnotRequired IS DISTINCT FROM true
        AND EXISTS (SELECT 1 FROM cin_details d WHERE {episode('s', 'd')} AND d.CINclosureDate IS NOT NULL)"""


def test_8868():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINclosureDate
        1         | 1            | 2023-09-01
        2         | 1            |
    """, section47="""
        LAchildID | CINdetailsID | S47ActualStartDate | DateOfInitialCPC | ICPCnotRequired
        1         | 1            | 2023-08-01         | 2023-08-10       | 0
        1         | 1            | 2023-08-01         |                  | 1
        1         | 1            | 2023-08-01         |                  | 0
        1         | 1            | 2023-08-01         |                  |
        2         | 1            | 2023-08-01         |                  | 0
    """) == [4, 5]
