"""CIN rule 8606: A referral more than 40 weeks before the child was born (or is due)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8606", "cin", "Child referral date is more than 40 weeks before DOB or expected DOB", tables=("cin_details", "child"), fields=("CINreferralDate",))
def sql(year: int) -> str:
    return """SELECT d._file, d._row, d._line, d.LAchildID AS child FROM cin_details d JOIN child c ON c._file = d._file AND c.LAchildID = d.LAchildID WHERE d.CINreferralDate < coalesce(c.PersonBirthDate, c.ExpectedPersonBirthDate) - INTERVAL 280 DAY"""


def test_8606():
    assert flagged(sql, 2024, child="""
        LAchildID | ExpectedPersonBirthDate
        1         | 2024-03-08
    """, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate
        1         | 1            | 2023-06-02
        1         | 2            | 2023-06-01
    """) == [3]
