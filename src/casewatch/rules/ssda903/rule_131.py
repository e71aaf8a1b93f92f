"""903 rule 131 (oc3.IN_TOUCH): the code must be in that year's list and not blank."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "131", "ssda903", "oc3", "IN_TOUCH",
                 "Data entry for being in touch after leaving care is invalid.",
                 lambda year: codes(year, "oc3", "IN_TOUCH"), blank_ok=False)


def test_131():
    ok = codes(2024, "oc3", "IN_TOUCH")[0]
    assert flagged(rule, 2024, oc3=f"""
        CHILD | IN_TOUCH
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
    """) == [3, 4]
