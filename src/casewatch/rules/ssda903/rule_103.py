"""903 rule 103 (header.ETHNIC): the code must be in that year's list and not blank."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "103", "ssda903", "header", "ETHNIC",
                 "The ethnicity code is either not valid or has not been entered.",
                 lambda year: codes(year, "header", "ETHNIC"), blank_ok=False)


def test_103():
    ok = codes(2024, "header", "ETHNIC")[0]
    assert flagged(rule, 2024, header=f"""
        CHILD | ETHNIC
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
    """) == [3, 4]
