"""CIN rule 8600: every CIN episode has a referral date, on or before the ReferenceDate."""

from casewatch.rules.cin._census import ref
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8600", "cin", "Child referral date missing or after data collection period", tables=("cin_details",),
      fields=("CINreferralDate",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, _line, LAchildID AS child FROM cin_details
      WHERE CINreferralDate IS NULL OR CINreferralDate > {ref(year)}"""


def test_8600():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate
        1         | 1            | 2024-03-31
        2         | 1            | 2024-04-01
        3         | 1            |
        4         | 1            | 2015-01-01
    """) == [3, 4]
