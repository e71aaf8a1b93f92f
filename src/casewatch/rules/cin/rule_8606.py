"""CIN rule 8606: a referral may come before birth, but not more than 40 weeks (280 days) before the date of
birth or, for an unborn child, the expected date of birth. Exactly 280 days before is allowed."""

from casewatch.rules.cin._census import same_child
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8606", "cin", "Child referral date is more than 40 weeks before DOB or expected DOB",
      tables=("cin_details",), fields=("CINreferralDate",))
def sql(year: int) -> str:
    return f"""SELECT d._file, d._row, d._line, d.LAchildID AS child FROM cin_details d
      JOIN child c ON {same_child('d', 'c')}
      WHERE d.CINreferralDate < coalesce(c.PersonBirthDate, c.ExpectedPersonBirthDate) - INTERVAL 280 DAY"""


def test_8606():
    # 2024-03-08 minus 280 days is 2023-06-02
    assert flagged(sql, 2024, child="""
        LAchildID | PersonBirthDate | ExpectedPersonBirthDate
        1         |                 | 2024-03-08
        2         | 2024-03-08      |
        3         |                 |
    """, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate
        1         | 1            | 2023-06-02
        1         | 2            | 2023-06-01
        2         | 1            | 2023-06-01
        2         | 2            |
        3         | 1            | 2000-01-01
    """) == [3, 4]


def test_8606_children_without_an_id():
    # each child with no ID is compared with its own birth date only
    assert flagged(sql, 2024, child="""
        LAchildID | PersonBirthDate
                  | 2024-03-08
                  | 2023-03-08
    """, cin_details="""
        _row | LAchildID | CINdetailsID | CINreferralDate
        2    |           | 1            | 2023-06-01
        3    |           | 1            | 2023-06-01
    """) == [2]
