"""CIN rule 8569Q: a referral made before the census year (earlier than one working day before 1 April) is
still in the return because it led to something, so it cannot be a referral with no further action.

DfE logic: if CINreferralDate is before the start of the census year minus 1 working day, ReferralNFA must be
false. So an old referral is flagged unless its ReferralNFA is false: true, missing and a value that is not
true/false (8568 also reports those two) are all flagged, as the convention on booleans says (docs/rules/cin.md:
'must be false' is not met by a missing flag). The message ('must not be flagged as a no further action case')
reads as ReferralNFA true only; casewatch follows the logic, as the DfE's validator does.
'One working day before 1 April' is counted as the DfE text says (``_census.working_days_before``); the DfE's
validator takes 1 April itself, rolled forward to a working day when it is not one (Monday 3 April 2023;
2 April 2024, after Easter Monday): it also flags referrals of 31 March to 2 April 2023 and 28 March to
1 April 2024.
"""

from casewatch.rules.cin._census import start_minus_working_days
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8569Q", "cin", "A case with referral date before one working day prior to the collection start date must "
      "not be flagged as a no further action case", tables=("cin_details",), fields=("ReferralNFA",),
      severity="query")
def sql(year: int) -> str:
    return f"""SELECT _file, _row, _line, LAchildID AS child FROM cin_details
      WHERE ReferralNFA IS DISTINCT FROM false AND CINreferralDate < {start_minus_working_days(year, 1)}"""


def test_8569Q():
    # one working day before Saturday 1 April 2023 is Friday 31 March
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate | ReferralNFA
        1         | 1            | 2023-03-30      | 1
        2         | 1            | 2023-03-31      | 1
        3         | 1            | 2023-03-30      | 0
        4         | 1            | 2023-03-30      |
        5         | 1            |                 | 1
        6         | 1            | 2023-03-30      | !maybe
        7         | 1            | 2023-03-30      | false
        8         | 1            | 2023-03-31      |
    """) == [2, 5, 7]  # true, missing and not a boolean before 31 March 2023 (8: on it)
    # one working day before Easter Monday 1 April 2024 is Thursday 28 March (Good Friday 29 March)
    assert flagged(sql, 2025, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate | ReferralNFA
        1         | 1            | 2024-03-27      | 1
        2         | 1            | 2024-03-28      | 1
    """) == [2]
