"""903 rule 146 (episodes.PLACE): the code must be in that year's list and not blank."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "146", "ssda903", "episodes", "PLACE",
                 "Placement type code is not a valid code.",
                 lambda year: codes(year, "episodes", "PLACE"), blank_ok=False)


def test_146():
    ok = codes(2025, "episodes", "PLACE")[0]
    assert flagged(rule, 2025, episodes=f"""
        CHILD | PLACE
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
    """) == [3, 4]
