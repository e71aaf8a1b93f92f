"""903 rule 631 (prev_perm.PREV_PERM): where given, the code must be in that year's list."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

rule = code_list(__name__, "631", "ssda903", "prev_perm", "PREV_PERM",
                 "Previous permanence option not a valid value.",
                 lambda year: codes(year, "prev_perm", "PREV_PERM"), blank_ok=True)


def test_631():
    assert flagged(rule, 2024, prev_perm="""
        CHILD | PREV_PERM
        1     | P1
        2     | Z1
        3     |
        4     | P9
        5     | z1
    """) == [5]
