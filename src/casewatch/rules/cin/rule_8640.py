"""CIN rule 8640 (cin_details.ReasonForClosure): the code must be in that year's list."""

from casewatch.returns.cin.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "8640", "cin", "cin_details", "ReasonForClosure",
                 "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)",
                 lambda year: codes(year, "ReasonForClosure"), blank_ok=True)


def test_8640():
    ok = codes(2024, "ReasonForClosure")[0]
    assert flagged(rule, 2024, cin_details=f"""
        LAchildID | ReasonForClosure
        1         | {ok}
        2         |
        3         | ZZ9
    """) == [4]
