"""CIN rule 8875: a section 47 enquiry's initial child protection conference is not held on a Saturday or Sunday.

The DfE's rule is in the Section 47 module: "Where present, the <DateOfInitialCPC> (N00110) must not be a
Saturday, Sunday". The same element on the <CINdetails> is not this rule's, so only the <Section47> date is
checked. Bank holidays are not weekends.
"""

from casewatch.rules.engine import rule
from casewatch.rules.testing import issues


@rule("8875", "cin", "The Date of Initial Child Protection Conference cannot be a weekend",
      tables=("section47",), fields=("DateOfInitialCPC",))
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM section47
      WHERE isodow(DateOfInitialCPC) IN (6, 7)"""


def test_8875():
    # 2023-06-02 Friday, 2023-06-03 Saturday, 2023-06-04 Sunday, 2023-06-05 Monday, 2023-05-29 bank holiday
    found = issues(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | DateOfInitialCPC
        1         | 1            | 2023-06-03
    """, section47="""
        LAchildID | CINdetailsID | DateOfInitialCPC
        1         | 1            | 2023-06-02
        2         | 1            | 2023-06-03
        3         | 1            | 2023-06-04
        4         | 1            | 2023-06-05
        5         | 1            | 2023-05-29
        6         | 1            |
    """)
    # the CINdetails date on a Saturday is not this rule's
    assert sorted((i.table, i.row) for i in found) == [("section47", 3), ("section47", 4)]
