"""CIN rule 4220 (child.Ethnicity): the code must be in that year's list and not blank."""

from casewatch.returns.cin.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "4220", "cin", "child", "Ethnicity",
                 "Ethnicity is missing or invalid (see Ethnicity table)",
                 lambda year: codes(year, "Ethnicity"), blank_ok=False)


def test_4220():
    ok = codes(2024, "Ethnicity")[0]
    assert flagged(rule, 2024, child=f"""
        LAchildID | Ethnicity
        1         | {ok}
        2         |
        3         | ZZ9
    """) == [3, 4]
