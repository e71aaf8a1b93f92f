"""CIN rule 8870Q: the target date for the initial child protection conference is a weekday."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8870Q", "cin", "Please check and either amend or provide a reason: The Target Date for Initial Child "
      "Protection Conference should not be a weekend", tables=("section47",), fields=("InitialCPCtarget",),
      severity="query")
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM section47
      WHERE isodow(InitialCPCtarget) IN (6, 7)"""


def test_8870Q():
    # 2023-06-02 Friday, 2023-06-03 Saturday, 2023-06-04 Sunday, 2023-06-05 Monday
    assert flagged(sql, 2024, section47="""
        LAchildID | CINdetailsID | InitialCPCtarget
        1         | 1            | 2023-06-02
        2         | 1            | 2023-06-03
        3         | 1            | 2023-06-04
        4         | 1            | 2023-06-05
        5         | 1            |
    """) == [3, 4]
