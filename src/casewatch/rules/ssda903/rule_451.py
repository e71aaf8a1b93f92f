"""903 rule 451 (to 2023-24): A child still freed for adoption (LS D1) at the end of the year.

The DfE's text: freeing orders could not be applied for after 30 December 2005, so an episode under D1
must not be open (no DEC and no REC). The DfE withdrew the rule from 2024-25."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("451", "ssda903", "Child is still freed for adoption, but freeing orders could not be applied for since 30 December 2005.", tables=("episodes",), fields=("LS",), until=2024)
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes WHERE LS = 'D1' AND DEC IS NULL AND REC IS NULL"""


def test_451():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | REC | LS
        1     | 01/06/2004 |            |     | D1
        2     | 01/06/2004 | 01/06/2023 | E11 | D1
        3     | 01/06/2023 |            |     | C2
    """) == [2]
