"""CIN rule 8650: a primary need code, when given, is N0-N9. (A missing one is rule 8610's.)"""

from casewatch.returns.cin.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "8650", "cin", "cin_details", "PrimaryNeedCode",
                 "Primary Need Code invalid (see Primary Need table in CIN census code set)",
                 lambda year: codes(year, "PrimaryNeedCode"), blank_ok=True)


def test_8650():
    assert flagged(rule, 2024, cin_details="""
        LAchildID | CINdetailsID | PrimaryNeedCode
        1         | 1            | N0
        2         | 1            | N9
        3         | 1            |
        4         | 1            | N10
        5         | 1            | 1
    """) == [5, 6]
