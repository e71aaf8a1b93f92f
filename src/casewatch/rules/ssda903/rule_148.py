"""903 rule 148: DEC and REC go together."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("148", "ssda903", "Date episode ceased and reason episode ceased must both be coded, or both left blank.", tables=("episodes",), fields=("REC",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes WHERE (DEC IS NULL) <> (REC IS NULL)"""


def test_148():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | REC
        1     | 01/04/2023 | 01/05/2023 |
        2     | 01/04/2023 |            | E11
        3     | 01/04/2023 | 01/05/2023 | X1
        4     | 01/04/2023 |            |
    """) == [2, 3]
