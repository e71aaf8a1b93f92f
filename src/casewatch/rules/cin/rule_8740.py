"""CIN rule 8740: a section 47 enquiry that has not reached its initial conference by the end of the year, and
still needs one (ICPCnotRequired false), started within the census year."""

from casewatch.rules.cin._census import ref, start
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8740", "cin", "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the "
      "end of the census year, the start date must fall within the census year", tables=("section47",),
      fields=("S47ActualStartDate",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, _line, LAchildID AS child FROM section47
      WHERE DateOfInitialCPC IS NULL AND ICPCnotRequired = false
        AND (S47ActualStartDate < {start(year)} OR S47ActualStartDate > {ref(year)})"""


def test_8740():
    assert flagged(sql, 2024, section47="""
        LAchildID | CINdetailsID | S47ActualStartDate | DateOfInitialCPC | ICPCnotRequired
        1         | 1            | 2023-03-31         |                  | 0
        2         | 1            | 2023-04-01         |                  | 0
        3         | 1            | 2024-03-31         |                  | 0
        4         | 1            | 2024-04-01         |                  | 0
        5         | 1            | 2023-03-31         |                  | 1
        6         | 1            | 2023-03-31         | 2023-04-10       | 0
        7         | 1            |                    |                  | 0
    """) == [2, 5]
