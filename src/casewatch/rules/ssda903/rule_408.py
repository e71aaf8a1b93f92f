"""903 rule 408: A child placed for adoption with a placement order (PLACE A5, A6) must have LS E1."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("408", "ssda903", "Child is placed for adoption with a placement order, but no placement order has been recorded.", tables=("episodes",), fields=("LS",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes WHERE PLACE IN ('A5', 'A6') AND LS IS DISTINCT FROM 'E1'"""


def test_408():
    assert flagged(sql, 2024, episodes="""
        CHILD | LS | PLACE
        1     | E1 | A5
        2     | C2 | A6
        3     | C2 | A3
    """) == [3]
