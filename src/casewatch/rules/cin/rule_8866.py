"""CIN rule 8866 (cin_details.ReferralSource): the code must be in that year's list and not blank."""

from casewatch.returns.cin.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "8866", "cin", "cin_details", "ReferralSource",
                 "Source of Referral is missing or an invalid code",
                 lambda year: codes(year, "ReferralSource"), blank_ok=False)


def test_8866():
    ok = codes(2024, "ReferralSource")[0]
    assert flagged(rule, 2024, cin_details=f"""
        LAchildID | ReferralSource
        1         | {ok}
        2         |
        3         | ZZ9
    """) == [3, 4]
