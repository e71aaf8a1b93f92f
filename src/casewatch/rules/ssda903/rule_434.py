"""903 rule 434: RNE L (legal status changed, placement did not) must show exactly that against the previous episode.

The DfE's text: if the reason for new episode is L, the legal status must differ from the previous
episode's, and the placement (PLACE, PL_POST, URN, PLACE_PROVIDER) must be the same. Blank equals blank."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged

PLACEMENT = ("PLACE", "PL_POST", "URN", "PLACE_PROVIDER")


def _prev(col: str) -> str:
    return f"lag({col}) OVER w AS prev_{col}"


@rule("434", "ssda903", "Reason for new episode is that child's legal status has changed but not the placement, but this is not reflected in the episode data.", tables=("episodes",), fields=("RNE",))
def sql(year: int) -> str:
    cols = ", ".join(_prev(c) for c in ("LS",) + PLACEMENT)
    moved = " OR ".join(f"{c} IS DISTINCT FROM prev_{c}" for c in PLACEMENT)
    return f"""SELECT _file, _row, CHILD AS child FROM (
        SELECT *, {cols}, row_number() OVER w AS n FROM episodes
        WINDOW w AS (PARTITION BY CHILD ORDER BY DECOM, _row))
       WHERE n > 1 AND RNE = 'L' AND (LS IS NOT DISTINCT FROM prev_LS OR {moved})"""


def test_434():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | LS | PLACE | PL_POST | URN     | PLACE_PROVIDER
        1     | 01/04/2023 | S   | V2 | U1    | AB1 2CD | SC12345 | PR1
        1     | 01/05/2023 | L   | C2 | U1    | AB1 2CD | SC12345 | PR1
        1     | 01/06/2023 | L   | C2 | U1    | AB1 2CD | SC12345 | PR1
        1     | 01/07/2023 | L   | V2 | U2    | AB1 2CD | SC12345 | PR1
        2     | 01/04/2023 | S   | V2 | U1    |         |         | PR1
        2     | 01/05/2023 | L   | C2 | U1    |         |         | PR1
        2     | 01/06/2023 | L   | C1 | U1    | EF3 4GH |         | PR1
        3     | 01/04/2023 | L   | C2 | U1    |         |         |
    """) == [4, 5, 8]
