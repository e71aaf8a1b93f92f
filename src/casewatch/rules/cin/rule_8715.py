"""CIN rule 8715: an initial child protection conference in the return falls within the census year, whether
recorded on the <CINdetails> or on a <Section47>."""

from casewatch.rules.cin._census import ref, start
from casewatch.rules.engine import rule
from casewatch.rules.testing import issues


@rule("8715", "cin", "Date of Initial Child Protection Conference must fall within the census year",
      tables=("cin_details", "section47"), fields=("DateOfInitialCPC",))
def sql(year: int) -> str:
    outside = f"(DateOfInitialCPC < {start(year)} OR DateOfInitialCPC > {ref(year)})"
    return f"""SELECT _file, _row, _line, LAchildID AS child, 'cin_details' AS _table FROM cin_details
      WHERE {outside}
      UNION ALL
      SELECT _file, _row, _line, LAchildID AS child, 'section47' AS _table FROM section47 WHERE {outside}"""


def test_8715():
    found = issues(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | DateOfInitialCPC
        1         | 1            | 2023-03-31
        2         | 1            | 2023-04-01
        3         | 1            |
    """, section47="""
        LAchildID | CINdetailsID | DateOfInitialCPC
        1         | 1            | 2024-03-31
        2         | 1            | 2024-04-01
        3         | 1            |
    """)
    assert sorted((i.table, i.row) for i in found) == [("cin_details", 2), ("section47", 3)]
