"""903 rule 114 (ad1.FOSTER_CARE): the code must be in that year's list and not blank."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "114", "ssda903", "ad1", "FOSTER_CARE",
                 "Data entry to record the status of former carer(s) of an adopted child is invalid.",
                 lambda year: codes(year, "ad1", "FOSTER_CARE"), blank_ok=False)


def test_114():
    ok = codes(2024, "ad1", "FOSTER_CARE")[0]
    assert flagged(rule, 2024, ad1=f"""
        CHILD | FOSTER_CARE
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
    """) == [3, 4]
