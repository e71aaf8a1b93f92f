"""CIN rule 8730: a child protection plan says how many plans the child had before (zero or more)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8730", "cin", "Total Number of previous Child Protection Plans missing", tables=("cp_plans",),
      fields=("NumberOfPreviousCPP",))
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM cp_plans
      WHERE NumberOfPreviousCPP IS NULL OR NumberOfPreviousCPP < 0"""


def test_8730():
    assert flagged(sql, 2024, cp_plans="""
        LAchildID | CINdetailsID | NumberOfPreviousCPP
        1         | 1            | 0
        2         | 1            | 3
        3         | 1            |
        4         | 1            | -1
        5         | 1            | !two
    """) == [4, 5, 6]
