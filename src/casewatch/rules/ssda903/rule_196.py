"""903 rule 196 (oc2.SDQ_REASON): the code must be in that year's list."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "196", "ssda903", "oc2", "SDQ_REASON",
                 "Strengths and Difficulties (SDQ) reason is not a valid code.",
                 lambda year: codes(year, "oc2", "SDQ_REASON"), blank_ok=True)


def test_196():
    ok = codes(2024, "oc2", "SDQ_REASON")[0]
    assert flagged(rule, 2024, oc2=f"""
        CHILD | SDQ_REASON
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
    """) == [4]
