"""CIN rule 8675Q: a section 47 enquiry still waiting for its initial conference at the ReferenceDate (no
conference date, ICPCnotRequired false) should have started no more than 15 working days before it (the
DfE's timescale from strategy discussion to conference)."""

from casewatch.rules.cin._census import ref_minus_working_days
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8675Q", "cin", "Please check and either amend data or provide a reason: S47 Enquiry started more than 15 "
      "working days before the end of the census year. However, there is no date of Initial Child Protection "
      "Conference.", tables=("section47",), fields=("S47ActualStartDate",), severity="query")
def sql(year: int) -> str:
    return f"""SELECT _file, _row, _line, LAchildID AS child FROM section47
      WHERE DateOfInitialCPC IS NULL AND ICPCnotRequired = false
        AND S47ActualStartDate < {ref_minus_working_days(year, 15)}"""


def test_8675Q():
    # 15 working days before Sunday 31 March 2024 (Good Friday 29 March) is Friday 8 March 2024
    assert flagged(sql, 2024, section47="""
        LAchildID | CINdetailsID | S47ActualStartDate | DateOfInitialCPC | ICPCnotRequired
        1         | 1            | 2024-03-07         |                  | 0
        2         | 1            | 2024-03-08         |                  | 0
        3         | 1            | 2024-03-07         | 2024-03-20       | 0
        4         | 1            | 2024-03-07         |                  | 1
        5         | 1            | 2024-03-07         |                  |
        6         | 1            |                    |                  | 0
    """) == [2]
