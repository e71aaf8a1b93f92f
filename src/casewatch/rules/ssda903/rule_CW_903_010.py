"""903 rule CW-903-010 (social_worker.SW_REASON): the code must be in that year's list."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "CW-903-010", "ssda903", "social_worker", "SW_REASON",
                 "Reason for social worker change is not a valid code.",
                 lambda year: codes(year, "social_worker", "SW_REASON"), blank_ok=True, since=2024)


def test_CW_903_010():
    ok = codes(2024, "social_worker", "SW_REASON")[0]
    assert flagged(rule, 2024, social_worker=f"""
        CHILD | SW_REASON
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
    """) == [4]
