"""903 rule 586: A missing period starting before the child was born.

The DfE's text says before the date of birth; the DfE's validator also flags a start on it. casewatch
follows the text."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("586", "ssda903", "Dates of missing periods are before child’s date of birth.", tables=("missing",), fields=("MIS_START",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM missing WHERE MIS_START < DOB"""


def test_586():
    assert flagged(sql, 2024, missing="""
        CHILD | DOB        | MISSING | MIS_START
        1     | 01/05/2010 | M       | 30/04/2010
        2     | 01/05/2010 | M       | 01/05/2010
        3     |            | M       | 01/05/2010
        4     | 01/05/2010 | M       |
    """) == [2]
