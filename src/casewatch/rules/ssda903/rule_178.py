"""903 rule 178 (episodes.PLACE_PROVIDER): the code must be in that year's list."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "178", "ssda903", "episodes", "PLACE_PROVIDER",
                 "Placement provider code is not a valid code.",
                 lambda year: codes(year, "episodes", "PLACE_PROVIDER"), blank_ok=True)


def test_178():
    ok = codes(2024, "episodes", "PLACE_PROVIDER")[0]
    assert flagged(rule, 2024, episodes=f"""
        CHILD | PLACE_PROVIDER
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
    """) == [4]
