"""903 rule 353: No episode can start before the Children Act 1989 came into force (14 October 1991)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("353", "ssda903", "No episode submitted can start before 14 October 1991.", tables=("episodes",), fields=("DECOM",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes WHERE DECOM < DATE '1991-10-14'"""


def test_353():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM
        1     | 13/10/1991
        2     | 14/10/1991
    """) == [2]
