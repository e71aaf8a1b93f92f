"""CIN rule CW-CIN-004: the reason a UPN is missing, when given, is one of the year's UPNunknown codes
(UN1-UN7). The DfE leaves this to the XSD, which casewatch only applies with --xsd; rules 8770Q and 8772
read the code, so a bad one is reported here."""

from casewatch.returns.cin.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "CW-CIN-004", "cin", "child", "UPNunknown",
                 "The reason for a missing UPN is not a valid code (see UPN unknown table).",
                 lambda year: codes(year, "UPNunknown"), blank_ok=True)


def test_CW_CIN_004():
    assert flagged(rule, 2024, child="""
        LAchildID | UPNunknown
        1         | UN1
        2         | UN7
        3         |
        4         | UN8
        5         | UN
    """) == [5, 6]
