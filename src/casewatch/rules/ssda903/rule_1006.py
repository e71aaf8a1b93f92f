"""903 rule 1006 (missing.MISSING): the code must be in that year's list and not blank."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "1006", "ssda903", "missing", "MISSING",
                 "Missing type invalid.",
                 lambda year: codes(year, "missing", "MISSING"), blank_ok=False)


def test_1006():
    ok = codes(2024, "missing", "MISSING")[0]
    assert flagged(rule, 2024, missing=f"""
        CHILD | MISSING
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
    """) == [3, 4]
