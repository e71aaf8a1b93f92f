"""903 rule 144 (episodes.LS): the code must be in that year's list and not blank."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "144", "ssda903", "episodes", "LS",
                 "The legal status code is not a valid code.",
                 lambda year: codes(year, "episodes", "LS"), blank_ok=False)


def test_144():
    ok = codes(2024, "episodes", "LS")[0]
    assert flagged(rule, 2024, episodes=f"""
        CHILD | LS
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
    """) == [3, 4]
