"""903 rule 143 (episodes.RNE): the code must be in that year's list and not blank."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "143", "ssda903", "episodes", "RNE",
                 "The reason for new episode code is not a valid code.",
                 lambda year: codes(year, "episodes", "RNE"), blank_ok=False)


def test_143():
    ok = codes(2024, "episodes", "RNE")[0]
    assert flagged(rule, 2024, episodes=f"""
        CHILD | RNE
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
    """) == [3, 4]
