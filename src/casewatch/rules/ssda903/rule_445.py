"""903 rule 445: Legal status D1 (freeing order) ended in December 2005."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("445", "ssda903", "D1 is not a valid code for episodes starting after December 2005.", tables=("episodes",), fields=("LS",), until=2024)
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes WHERE LS = 'D1' AND DECOM > DATE '2005-12-30'"""


def test_445():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | LS
        1     | 29/12/2005 | D1
        2     | 31/12/2005 | D1
    """) == [3]
