"""903 rule CW-903-002: The same child twice in Header: the later rows cannot be told apart."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("CW-903-002", "ssda903", "The child appears more than once in the Header table.", tables=("header",), fields=("CHILD",), quarantine=True)
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (SELECT *, row_number() OVER (PARTITION BY CHILD ORDER BY _row) AS n FROM header) WHERE n > 1"""


def test_CW_903_002():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/05/2010
        1     | 01/05/2011
        2     | 01/05/2010
    """) == [3]
