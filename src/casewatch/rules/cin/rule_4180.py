"""CIN rule 4180: the child's sex must be present and a valid code for the year.

The element and its codes changed: GenderCurrent 1, 2, 0 (not recorded, or unborn), 9 (indeterminate) until
2023-24; Sex M, F, U from 2024-25 (``spec.codes(year, "Sex")`` answers for either). The DfE's message was
"Gender is missing" until 2023-24 and "Sex must be provided and equal M, F, or U" after; one message covers both.
"""

from casewatch.returns.cin.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "4180", "cin", "child", "Sex",
                 "Sex (GenderCurrent until 2023-24) is missing or not a valid code for the year",
                 lambda year: codes(year, "Sex"), blank_ok=False)


def test_4180():
    table = """
        LAchildID | Sex
        1         | 1
        2         | 0
        3         | M
        4         | U
        5         |
        6         | X
    """
    assert flagged(rule, 2024, child=table) == [4, 5, 6, 7]
    assert flagged(rule, 2025, child=table) == [2, 3, 6, 7]
