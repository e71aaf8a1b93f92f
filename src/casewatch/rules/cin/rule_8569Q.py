"""CIN rule 8569Q: a referral made before the census year (earlier than one working day before 1 April) is
still in the return because it led to something, so it cannot be a referral with no further action."""

from casewatch.rules.cin._census import start_minus_working_days
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8569Q", "cin", "A case with referral date before one working day prior to the collection start date must "
      "not be flagged as a no further action case", tables=("cin_details",), fields=("ReferralNFA",),
      severity="query")
def sql(year: int) -> str:
    return f"""SELECT _file, _row, _line, LAchildID AS child FROM cin_details
      WHERE ReferralNFA AND CINreferralDate < {start_minus_working_days(year, 1)}"""


def test_8569Q():
    # one working day before Saturday 1 April 2023 is Friday 31 March
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate | ReferralNFA
        1         | 1            | 2023-03-30      | 1
        2         | 1            | 2023-03-31      | 1
        3         | 1            | 2023-03-30      | 0
        4         | 1            | 2023-03-30      |
        5         | 1            |                 | 1
    """) == [2]
    # one working day before Easter Monday 1 April 2024 is Thursday 28 March (Good Friday 29 March)
    assert flagged(sql, 2025, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate | ReferralNFA
        1         | 1            | 2024-03-27      | 1
        2         | 1            | 2024-03-28      | 1
    """) == [2]
