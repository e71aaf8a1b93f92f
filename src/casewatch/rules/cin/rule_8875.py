"""CIN rule 8875: an initial child protection conference is not held on a Saturday or Sunday (on the
<CINdetails> or on a <Section47>)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import issues


@rule("8875", "cin", "The Date of Initial Child Protection Conference cannot be a weekend",
      tables=("cin_details", "section47"), fields=("DateOfInitialCPC",))
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child, 'cin_details' AS _table FROM cin_details
      WHERE isodow(DateOfInitialCPC) IN (6, 7)
      UNION ALL
      SELECT _file, _row, _line, LAchildID AS child, 'section47' AS _table FROM section47
      WHERE isodow(DateOfInitialCPC) IN (6, 7)"""


def test_8875():
    # 2023-06-02 Friday, 2023-06-03 Saturday, 2023-06-04 Sunday, 2023-06-05 Monday
    found = issues(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | DateOfInitialCPC
        1         | 1            | 2023-06-02
        2         | 1            | 2023-06-03
        3         | 1            |
    """, section47="""
        LAchildID | CINdetailsID | DateOfInitialCPC
        1         | 1            | 2023-06-04
        2         | 1            | 2023-06-05
        3         | 1            |
    """)
    assert sorted((i.table, i.row) for i in found) == [("cin_details", 3), ("section47", 2)]
