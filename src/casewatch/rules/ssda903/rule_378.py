"""903 rule 378: A child placed with parents (PLACE P1) cannot be accommodated under section 20 (LS V2)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("378", "ssda903", "A child who is placed with parent(s) cannot be looked after under a single period of accommodation under Section 20 of the Children Act 1989.", tables=("episodes",), fields=("PLACE", "LS"))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes WHERE PLACE = 'P1' AND LS = 'V2'"""


def test_378():
    assert flagged(sql, 2024, episodes="""
        CHILD | LS | PLACE
        1     | V2 | P1
        2     | C2 | P1
        3     | V2 | U1
    """) == [2]
