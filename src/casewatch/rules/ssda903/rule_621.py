"""903 rule 621: A mother younger than her child: the first child's date of birth (MC_DOB) is before hers.

The DfE's text says younger than her child; the DfE's validator also flags the two born on the same day.
casewatch follows the text."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("621", "ssda903", "Mother’s field has been completed but date of birth shows that the mother is younger than her child.", tables=("header",), fields=("MC_DOB",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM header WHERE MC_DOB < DOB"""


def test_621():
    assert flagged(sql, 2024, header="""
        CHILD | DOB        | MOTHER | MC_DOB
        1     | 01/05/2006 | 1      | 01/05/2022
        2     | 01/05/2006 | 1      | 30/04/2006
        3     | 01/05/2006 | 1      |
        4     |            | 1      | 01/05/2022
    """) == [3]
