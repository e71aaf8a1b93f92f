"""903 rule 149 (episodes.REC): the code must be in that year's list."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "149", "ssda903", "episodes", "REC",
                 "Reason episode ceased code is not valid.",
                 lambda year: codes(year, "episodes", "REC"), blank_ok=True)


def test_149():
    ok = codes(2019, "episodes", "REC")[0]
    assert flagged(rule, 2019, episodes=f"""
        CHILD | REC
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
    """) == [4]
