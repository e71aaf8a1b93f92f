"""903 rule 133 (oc3.ACCOM): the code must be in that year's list."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "133", "ssda903", "oc3", "ACCOM",
                 "Data entry for accommodation after leaving care is invalid.",
                 lambda year: codes(year, "oc3", "ACCOM"), blank_ok=True)


def test_133():
    ok = codes(2024, "oc3", "ACCOM")[0]
    assert flagged(rule, 2024, oc3=f"""
        CHILD | ACCOM
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
    """) == [4]
