"""903 rule 145 (episodes.CIN): the code must be in that year's list and not blank."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "145", "ssda903", "episodes", "CIN",
                 "Category of need code is not a valid code.",
                 lambda year: codes(year, "episodes", "CIN"), blank_ok=False)


def test_145():
    ok = codes(2024, "episodes", "CIN")[0]
    assert flagged(rule, 2024, episodes=f"""
        CHILD | CIN
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
    """) == [3, 4]
