"""903 rule 354: An episode cannot cease after the collection year."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("354", "ssda903", "Date episode ceased must be on or before the end of the current collection year.", tables=("episodes",), fields=("DEC",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM episodes WHERE DEC > make_date({year}, 3, 31)"""


def test_354():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC
        1     | 01/04/2023 | 31/03/2024
        2     | 01/04/2023 | 01/04/2024
    """) == [3]
