"""903 rule 167 (reviews.REVIEW_CODE): the code must be in that year's list and not blank."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "167", "ssda903", "reviews", "REVIEW_CODE",
                 "Data entry for participation is invalid or blank.",
                 lambda year: codes(year, "reviews", "REVIEW_CODE"), blank_ok=False)


def test_167():
    ok = codes(2024, "reviews", "REVIEW_CODE")[0]
    assert flagged(rule, 2024, reviews=f"""
        CHILD | REVIEW_CODE
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
    """) == [3, 4]
