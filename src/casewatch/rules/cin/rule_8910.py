"""CIN rule 8910: a child protection plan has a latest category of abuse from the code list."""

from casewatch.returns.cin.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "8910", "cin", "cp_plans", "LatestCategoryOfAbuse",
                 "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census "
                 "code set)", lambda year: codes(year, "LatestCategoryOfAbuse"), blank_ok=False)


def test_8910():
    assert flagged(rule, 2024, cp_plans="""
        LAchildID | CINdetailsID | LatestCategoryOfAbuse
        1         | 1            | EMO
        2         | 1            | phy
        3         | 1            |
        4         | 1            | NEGL
    """) == [4, 5]
