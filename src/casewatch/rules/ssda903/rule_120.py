"""903 rule 120 (placed_adoption.REASON_PLACED_CEASED): the code must be in that year's list."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "120", "ssda903", "placed_adoption", "REASON_PLACED_CEASED",
                 "The reason for the reversal of the decision that the child should be placed for adoption code is not valid.",
                 lambda year: codes(year, "placed_adoption", "REASON_PLACED_CEASED"), blank_ok=True)


def test_120():
    ok = codes(2024, "placed_adoption", "REASON_PLACED_CEASED")[0]
    assert flagged(rule, 2024, placed_adoption=f"""
        CHILD | REASON_PLACED_CEASED
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
    """) == [4]
