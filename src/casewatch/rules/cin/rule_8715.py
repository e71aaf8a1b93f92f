"""CIN rule 8715: a section 47 enquiry's initial child protection conference falls within the census year.

The DfE's rule is in the Section 47 module and names the module's own date: "If present <DateOfInitialCPC>
(N00110) must be on or between [Start_Of_Census_Year] and <ReferenceDate> (N00603)". The same element on the
<CINdetails> is not this rule's (2884 and 2885 are about that one), so only the <Section47> date is checked.
"""

from casewatch.rules.cin._census import ref, start
from casewatch.rules.engine import rule
from casewatch.rules.testing import issues


@rule("8715", "cin", "Date of Initial Child Protection Conference must fall within the census year",
      tables=("section47",), fields=("DateOfInitialCPC",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, _line, LAchildID AS child FROM section47
      WHERE DateOfInitialCPC < {start(year)} OR DateOfInitialCPC > {ref(year)}"""


def test_8715():
    found = issues(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | DateOfInitialCPC
        1         | 1            | 2023-03-31
        2         | 1            | 2024-04-01
    """, section47="""
        LAchildID | CINdetailsID | DateOfInitialCPC
        1         | 1            | 2023-03-31
        2         | 1            | 2023-04-01
        3         | 1            | 2024-03-31
        4         | 1            | 2024-04-01
        5         | 1            |
    """)
    # the CINdetails dates outside the year are not this rule's
    assert sorted((i.table, i.row, i.field) for i in found) == [
        ("section47", 2, "DateOfInitialCPC"), ("section47", 5, "DateOfInitialCPC")]
