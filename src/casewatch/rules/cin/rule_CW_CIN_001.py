"""CIN rule CW-CIN-001 (child.Sex): the code must be in that year's list."""

from casewatch.returns.cin.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "CW-CIN-001", "cin", "child", "Sex",
                 "The sex (gender) code is not valid for this collection year.",
                 lambda year: codes(year, "Sex"), blank_ok=True)


def test_CW_CIN_001():
    ok = codes(2025, "Sex")[0]
    assert flagged(rule, 2025, child=f"""
        LAchildID | Sex
        1         | {ok}
        2         |
        3         | ZZ9
    """) == [4]
