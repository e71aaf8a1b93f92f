"""903 rule 101 (header.SEX): the code must be in that year's list and not blank."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "101", "ssda903", "header", "SEX",
                 "Gender code is not valid.",
                 lambda year: codes(year, "header", "SEX"), blank_ok=False)


def test_101():
    ok = codes(2024, "header", "SEX")[0]
    assert flagged(rule, 2024, header=f"""
        CHILD | SEX
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
    """) == [3, 4]
