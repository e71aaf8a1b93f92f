"""CIN rule 8935: a child has at most one open child protection plan (no end date), across all their CIN
episodes; every open plan of a child with more than one is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8935", "cin", "This child is showing more than one open Child Protection plan, i.e. with no End Date",
      tables=("cp_plans",), fields=("CPPendDate",))
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM (
        SELECT *, count(*) OVER (PARTITION BY _file, _row) AS open_n FROM cp_plans WHERE CPPendDate IS NULL)
      WHERE open_n > 1"""


def test_8935():
    assert flagged(sql, 2024, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate | CPPendDate
        1         | 1            | 2023-05-01   |
        1         | 2            | 2023-06-01   |
        2         | 1            | 2023-05-01   | 2023-05-20
        2         | 1            | 2023-06-01   |
        3         | 1            | 2023-06-01   |
    """) == [2, 3]


def test_8935_children_without_an_id():
    assert flagged(sql, 2024, cp_plans="""
        _row | LAchildID | CINdetailsID | CPPstartDate | CPPendDate
        2    |           | 1            | 2023-05-01   |
        3    |           | 1            | 2023-06-01   |
    """) == []
