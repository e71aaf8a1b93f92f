"""903 rule 1009 (episodes.REASON_PLACE_CHANGE): the code must be in that year's list."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "1009", "ssda903", "episodes", "REASON_PLACE_CHANGE",
                 "Reason for placement change is not a valid code.",
                 lambda year: codes(year, "episodes", "REASON_PLACE_CHANGE"), blank_ok=True)


def test_1009():
    ok = codes(2024, "episodes", "REASON_PLACE_CHANGE")[0]
    assert flagged(rule, 2024, episodes=f"""
        CHILD | REASON_PLACE_CHANGE
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
    """) == [4]
