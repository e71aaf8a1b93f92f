"""903 rule 176 (ad1.SEX_ADOPTR): the code must be in that year's list and not blank."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "176", "ssda903", "ad1", "SEX_ADOPTR",
                 "The gender of adopter(s) at the date of adoption code is not a valid code.",
                 lambda year: codes(year, "ad1", "SEX_ADOPTR"), blank_ok=False)


def test_176():
    ok = codes(2024, "ad1", "SEX_ADOPTR")[0]
    assert flagged(rule, 2024, ad1=f"""
        CHILD | SEX_ADOPTR
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
    """) == [3, 4]
