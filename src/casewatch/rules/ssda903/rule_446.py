"""903 rule 446: Legal status E1 (placement order) began in December 2005."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("446", "ssda903", "E1 is not a valid code for episodes starting before December 2005.", tables=("episodes",), fields=("LS",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes WHERE LS = 'E1' AND DECOM < DATE '2005-12-30'"""


def test_446():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | LS
        1     | 29/12/2005 | E1
        2     | 30/12/2005 | E1
    """) == [2]
