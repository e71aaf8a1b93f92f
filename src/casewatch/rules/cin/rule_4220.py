"""CIN rule 4220: ethnicity must be present and in the year's code list."""

from casewatch.returns.cin.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "4220", "cin", "child", "Ethnicity",
                 "Ethnicity is missing or invalid (see Ethnicity table)",
                 lambda year: codes(year, "Ethnicity"), blank_ok=False)


def test_4220():
    assert flagged(rule, 2024, child="""
        LAchildID | Ethnicity
        1         | WBRI
        2         | NOBT
        3         |
        4         | WBR
        5         | WHITE
    """) == [4, 5, 6]
