"""903 rule 435: RNE P or T (placement changed, legal status did not) must show exactly that.

The DfE's text: if the reason for new episode is P or T, the legal status must be the same as the previous
episode's, and at least one of PLACE, PL_POST, URN, PLACE_PROVIDER must differ. Blank equals blank here
(the peer treats two blanks as different, so a move between two placements without a URN passes there)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged

PLACEMENT = ("PLACE", "PL_POST", "URN", "PLACE_PROVIDER")


@rule("435", "ssda903", "Reason for new episode is that child’s placement has changed but not the legal status, but this is not reflected in the episode data.", tables=("episodes",), fields=("RNE",))
def sql(year: int) -> str:
    cols = ", ".join(f"lag({c}) OVER w AS prev_{c}" for c in ("LS",) + PLACEMENT)
    same = " AND ".join(f"{c} IS NOT DISTINCT FROM prev_{c}" for c in PLACEMENT)
    return f"""SELECT _file, _row, CHILD AS child FROM (
        SELECT *, {cols}, row_number() OVER w AS n FROM episodes
        WINDOW w AS (PARTITION BY CHILD ORDER BY DECOM, _row))
       WHERE n > 1 AND RNE IN ('P', 'T') AND (LS IS DISTINCT FROM prev_LS OR ({same}))"""


def test_435():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | LS | PLACE | PL_POST | URN     | PLACE_PROVIDER
        1     | 01/04/2023 | S   | C2 | U1    | AB1 2CD | SC12345 | PR1
        1     | 01/05/2023 | P   | C2 | U2    | AB1 2CD | SC12345 | PR1
        1     | 01/06/2023 | P   | C2 | U2    | AB1 2CD | SC12345 | PR1
        1     | 01/07/2023 | T   | C1 | U3    | AB1 2CD | SC12345 | PR1
        2     | 01/04/2023 | S   | C2 | U1    |         |         | PR1
        2     | 01/05/2023 | P   | C2 | U1    |         |         | PR1
        2     | 01/06/2023 | T   | C2 | U1    | EF3 4GH |         | PR1
        3     | 01/04/2023 | P   | C2 | U1    |         |         |
    """) == [4, 5, 7]
