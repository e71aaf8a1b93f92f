"""CIN rule 8839: within one CIN episode at most one section 47 enquiry is open (no initial conference date and
ICPCnotRequired not true); every open one of an episode with more than one is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8839", "cin", "Within one CINDetails group there are 2 or more open S47 Assessments",
      tables=("section47",), fields=("DateOfInitialCPC",))
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM (
        SELECT *, count(*) OVER (PARTITION BY _file, _row, CINdetailsID) AS open_n FROM section47
        WHERE DateOfInitialCPC IS NULL AND ICPCnotRequired IS DISTINCT FROM true)
      WHERE open_n > 1"""


def test_8839():
    assert flagged(sql, 2024, section47="""
        LAchildID | CINdetailsID | S47ActualStartDate | DateOfInitialCPC | ICPCnotRequired
        1         | 1            | 2023-05-01         |                  | 0
        1         | 1            | 2023-06-01         |                  |
        1         | 2            | 2023-06-01         |                  | 0
        2         | 1            | 2023-05-01         |                  | 0
        2         | 1            | 2023-06-01         |                  | 1
        2         | 1            | 2023-06-01         | 2023-06-10       | 0
    """) == [2, 3]


def test_8839_children_without_an_id():
    assert flagged(sql, 2024, section47="""
        _row | LAchildID | CINdetailsID | S47ActualStartDate | DateOfInitialCPC | ICPCnotRequired
        2    |           | 1            | 2023-05-01         |                  | 0
        3    |           | 1            | 2023-06-01         |                  | 0
    """) == []
