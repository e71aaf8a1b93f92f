"""903 rule 242 (from 2025-26): URN XXXXXXX (no Ofsted URN: a regional adoption agency) only for adoption
placements, PL A3-A6 or U1-U6."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("242", "ssda903", "URN = 'XXXXXXX' can only be used for regional adoption agencies", tables=("episodes",), fields=("URN",), since=2026)
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes
       WHERE URN = 'XXXXXXX' AND coalesce(PLACE NOT IN ('A3', 'A4', 'A5', 'A6', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6'), true)"""


def test_242():
    assert flagged(sql, 2026, episodes="""
        CHILD | PLACE | URN
        1     | A3    | XXXXXXX
        2     | U6    | XXXXXXX
        3     | K2    | XXXXXXX
        4     | K2    | SC123456
        5     |       | XXXXXXX
    """) == [4, 6]
