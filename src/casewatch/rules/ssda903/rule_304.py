"""903 rule 304: UASC status cannot outlast the 18th birthday."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("304", "ssda903", "Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child.", tables=("uasc",), fields=("DUC",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM uasc WHERE DUC > DOB + INTERVAL 18 YEAR"""


def test_304():
    assert flagged(sql, 2024, uasc="""
        CHILD | DOB        | DUC
        1     | 10/05/2005 | 10/05/2023
        2     | 10/05/2005 | 11/05/2023
        3     | 10/05/2005 |
    """) == [3]
