"""903 rule 165 (header.MOTHER): the code must be in that year's list."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "165", "ssda903", "header", "MOTHER",
                 "Data entry for mother status is invalid.",
                 lambda year: codes(year, "header", "MOTHER"), blank_ok=True)


def test_165():
    ok = codes(2024, "header", "MOTHER")[0]
    assert flagged(rule, 2024, header=f"""
        CHILD | MOTHER
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
    """) == [4]
