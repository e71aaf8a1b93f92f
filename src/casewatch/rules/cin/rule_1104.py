"""CIN rule 1104: an initial child protection conference is on or after the episode's referral date, whether it
is recorded on the <CINdetails> or on a <Section47>."""

from casewatch.rules.cin._census import episode
from casewatch.rules.engine import rule
from casewatch.rules.testing import issues


@rule("1104", "cin", "The date of the initial child protection conference cannot be before the referral date",
      tables=("cin_details", "section47"), fields=("DateOfInitialCPC",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, _line, LAchildID AS child, 'cin_details' AS _table FROM cin_details
      WHERE DateOfInitialCPC < CINreferralDate
      UNION ALL
      SELECT s._file, s._row, s._line, s.LAchildID AS child, 'section47' AS _table FROM section47 s
      JOIN cin_details d ON {episode('s', 'd')}
      WHERE s.DateOfInitialCPC < d.CINreferralDate"""


def test_1104():
    found = issues(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate | DateOfInitialCPC
        1         | 1            | 2023-05-10      | 2023-05-09
        2         | 1            | 2023-05-10      | 2023-05-10
        3         | 1            |                 | 2023-05-10
    """, section47="""
        LAchildID | CINdetailsID | DateOfInitialCPC
        2         | 1            | 2023-05-09
        2         | 1            | 2023-05-10
        2         | 1            |
        3         | 1            | 2023-05-10
    """)
    assert sorted((i.table, i.row) for i in found) == [("cin_details", 2), ("section47", 2)]
