"""CIN rule 8910 (cp_plans.LatestCategoryOfAbuse): the code must be in that year's list and not blank."""

from casewatch.returns.cin.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "8910", "cin", "cp_plans", "LatestCategoryOfAbuse",
                 "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)",
                 lambda year: codes(year, "LatestCategoryOfAbuse"), blank_ok=False)


def test_8910():
    ok = codes(2024, "LatestCategoryOfAbuse")[0]
    assert flagged(rule, 2024, cp_plans=f"""
        LAchildID | LatestCategoryOfAbuse
        1         | {ok}
        2         |
        3         | ZZ9
    """) == [3, 4]
