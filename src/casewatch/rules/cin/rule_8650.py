"""CIN rule 8650 (cin_details.PrimaryNeedCode): the code must be in that year's list."""

from casewatch.returns.cin.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "8650", "cin", "cin_details", "PrimaryNeedCode",
                 "Primary Need Code invalid (see Primary Need table in CIN census code set)",
                 lambda year: codes(year, "PrimaryNeedCode"), blank_ok=True)


def test_8650():
    ok = codes(2024, "PrimaryNeedCode")[0]
    assert flagged(rule, 2024, cin_details=f"""
        LAchildID | PrimaryNeedCode
        1         | {ok}
        2         |
        3         | ZZ9
    """) == [4]
