"""903 rule 436: RNE U or B (placement and legal status both changed) must show both changes.

The DfE's text: if the reason for new episode is U or B, the legal status must differ from the previous
episode's and at least one of PLACE, PL_POST, URN, PLACE_PROVIDER must differ. Blank equals blank."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged

PLACEMENT = ("PLACE", "PL_POST", "URN", "PLACE_PROVIDER")


@rule("436", "ssda903", "Reason for new episode is that both child’s placement and legal status have changed, but this is not reflected in the episode data.", tables=("episodes",), fields=("RNE",))
def sql(year: int) -> str:
    cols = ", ".join(f"lag({c}) OVER w AS prev_{c}" for c in ("LS",) + PLACEMENT)
    same = " AND ".join(f"{c} IS NOT DISTINCT FROM prev_{c}" for c in PLACEMENT)
    return f"""SELECT _file, _row, CHILD AS child FROM (
        SELECT *, {cols}, row_number() OVER w AS n FROM episodes
        WINDOW w AS (PARTITION BY CHILD ORDER BY DECOM, _row))
       WHERE n > 1 AND RNE IN ('U', 'B') AND (LS IS NOT DISTINCT FROM prev_LS OR ({same}))"""


def test_436():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | LS | PLACE | PL_POST | URN     | PLACE_PROVIDER
        1     | 01/04/2023 | S   | C2 | U1    | AB1 2CD | SC12345 | PR1
        1     | 01/05/2023 | U   | C1 | U2    | AB1 2CD | SC12345 | PR1
        1     | 01/06/2023 | B   | C1 | U3    | AB1 2CD | SC12345 | PR1
        1     | 01/07/2023 | U   | C2 | U3    | AB1 2CD | SC12345 | PR1
        2     | 01/04/2023 | S   | C2 | U1    |         |         | PR1
        2     | 01/05/2023 | B   | C1 | U1    | EF3 4GH |         | PR1
        3     | 01/04/2023 | U   | C2 | U1    |         |         |
    """) == [4, 5]
