"""903 rule 132 (oc3.ACTIV): the code must be in that year's list."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "132", "ssda903", "oc3", "ACTIV",
                 "Data entry for activity after leaving care is invalid.",
                 lambda year: codes(year, "oc3", "ACTIV"), blank_ok=True)


def test_132():
    ok = codes(2022, "oc3", "ACTIV")[0]
    assert flagged(rule, 2022, oc3=f"""
        CHILD | ACTIV
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
    """) == [4]
