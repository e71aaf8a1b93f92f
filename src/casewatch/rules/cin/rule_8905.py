"""CIN rule 8905: a child protection plan has an initial category of abuse from the code list."""

from casewatch.returns.cin.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "8905", "cin", "cp_plans", "InitialCategoryOfAbuse",
                 "Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census "
                 "code set)", lambda year: codes(year, "InitialCategoryOfAbuse"), blank_ok=False)


def test_8905():
    assert flagged(rule, 2024, cp_plans="""
        LAchildID | CINdetailsID | InitialCategoryOfAbuse
        1         | 1            | NEG
        2         | 1            | mul
        3         | 1            |
        4         | 1            | SEX
    """) == [4, 5]
