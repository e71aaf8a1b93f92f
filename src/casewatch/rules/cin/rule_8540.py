"""CIN rule 8540 (disability.Disability): the code must be in that year's list and not blank."""

from casewatch.returns.cin.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "8540", "cin", "disability", "Disability",
                 "Child's disability is missing or invalid (see Disability table)",
                 lambda year: codes(year, "Disability"), blank_ok=False)


def test_8540():
    ok = codes(2024, "Disability")[0]
    assert flagged(rule, 2024, disability=f"""
        LAchildID | Disability
        1         | {ok}
        2         |
        3         | ZZ9
    """) == [3, 4]
