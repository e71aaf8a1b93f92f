"""903 rule 383: After a temporary placement the child must return to the normal placement.

The DfE's text: if the previous episode's PLACE is temporary (T0-T4), this episode's RNE must be P and its
PLACE must equal the PLACE of the episode before the temporary one; from 2025-26 its PL_POST must equal
that episode's PL_POST too. Only judged where the child has both earlier episodes in the return."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("383", "ssda903", "A child in a temporary placement must subsequently return to his/her normal placement.", tables=("episodes",), fields=("PLACE",))
def sql(year: int) -> str:
    post = " OR PL_POST IS DISTINCT FROM lag2_post" if year >= 2026 else ""
    return f"""SELECT _file, _row, CHILD AS child FROM (
        SELECT *, lag(PLACE) OVER w AS lag1_place, lag(PLACE, 2) OVER w AS lag2_place,
                  lag(PL_POST, 2) OVER w AS lag2_post, row_number() OVER w AS n
        FROM episodes WINDOW w AS (PARTITION BY CHILD ORDER BY DECOM, _row))
       WHERE n > 2 AND lag1_place IN ('T0', 'T1', 'T2', 'T3', 'T4')
         AND (RNE IS DISTINCT FROM 'P' OR PLACE IS DISTINCT FROM lag2_place{post})"""


def test_383():
    episodes = """
        CHILD | DECOM      | PLACE | RNE | PL_POST
        1     | 01/04/2023 | U1    | S   | AB1 2CD
        1     | 01/05/2023 | T3    | P   | EF3 4GH
        1     | 10/05/2023 | U1    | P   | AB1 2CD
        2     | 01/04/2023 | U1    | S   | AB1 2CD
        2     | 01/05/2023 | T3    | P   | EF3 4GH
        2     | 10/05/2023 | U3    | P   | AB1 2CD
        3     | 01/04/2023 | U1    | S   | AB1 2CD
        3     | 01/05/2023 | T3    | P   | EF3 4GH
        3     | 10/05/2023 | U1    | L   | AB1 2CD
        4     | 01/04/2023 | U1    | S   | AB1 2CD
        4     | 01/05/2023 | T3    | P   | EF3 4GH
        4     | 10/05/2023 | U1    | P   | XY9 9ZZ
    """
    assert flagged(sql, 2024, episodes=episodes) == [7, 10]
    assert flagged(sql, 2026, episodes=episodes) == [7, 10, 13]
