"""903 rule 177 (ad1.LS_ADOPTR): the code must be in that year's list and not blank."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "177", "ssda903", "ad1", "LS_ADOPTR",
                 "The legal status of adopter(s) code is not a valid code.",
                 lambda year: codes(year, "ad1", "LS_ADOPTR"), blank_ok=False)


def test_177():
    ok = codes(2024, "ad1", "LS_ADOPTR")[0]
    assert flagged(rule, 2024, ad1=f"""
        CHILD | LS_ADOPTR
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
    """) == [3, 4]
