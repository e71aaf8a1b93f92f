"""CIN rule 8640: a reason for closure, when given, is in the year's list (RC9 from 2022-23)."""

from casewatch.returns.cin.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "8640", "cin", "cin_details", "ReasonForClosure",
                 "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)",
                 lambda year: codes(year, "ReasonForClosure"), blank_ok=True)


def test_8640():
    table = """
        LAchildID | CINdetailsID | ReasonForClosure
        1         | 1            | RC1
        2         | 1            | RC9
        3         | 1            |
        4         | 1            | RC10
        5         | 1            | rc8
    """
    assert flagged(rule, 2022, cin_details=table) == [3, 5]
    assert flagged(rule, 2023, cin_details=table) == [5]
