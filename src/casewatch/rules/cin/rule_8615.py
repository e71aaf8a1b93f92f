"""CIN rule 8615: a section 47 enquiry with an initial conference date has its start date, on or before the
conference."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8615", "cin", "Section 47 Enquiry Start Date must be present and cannot be later than the date of the "
      "initial Child Protection Conference", tables=("section47",), fields=("S47ActualStartDate",))
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM section47
      WHERE DateOfInitialCPC IS NOT NULL
        AND (S47ActualStartDate IS NULL OR S47ActualStartDate > DateOfInitialCPC)"""


def test_8615():
    assert flagged(sql, 2024, section47="""
        LAchildID | CINdetailsID | S47ActualStartDate | DateOfInitialCPC
        1         | 1            | 2023-05-10         | 2023-05-09
        2         | 1            |                    | 2023-05-09
        3         | 1            | 2023-05-10         | 2023-05-10
        4         | 1            |                    |
        5         | 1            | 2023-05-10         |
    """) == [2, 3]
