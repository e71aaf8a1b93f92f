"""CIN rule 8905 (cp_plans.InitialCategoryOfAbuse): the code must be in that year's list and not blank."""

from casewatch.returns.cin.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "8905", "cin", "cp_plans", "InitialCategoryOfAbuse",
                 "Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)",
                 lambda year: codes(year, "InitialCategoryOfAbuse"), blank_ok=False)


def test_8905():
    ok = codes(2024, "InitialCategoryOfAbuse")[0]
    assert flagged(rule, 2024, cp_plans=f"""
        LAchildID | InitialCategoryOfAbuse
        1         | {ok}
        2         |
        3         | ZZ9
    """) == [3, 4]
