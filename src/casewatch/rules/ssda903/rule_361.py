"""903 rule 361: Police protection (LS L1) lasted longer than the 72 hours the Children Act 1989 allows.

The DfE's text: a spell under legal status L1 must not last more than 3 days. A spell is the child's run of
L1 episodes each starting the day the one before ended; an open episode runs to the year's end (31 March).
Every episode of a spell that is too long is flagged. ``ls_spell_too_long`` is shared with rules 362-364."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


def ls_spell_too_long(year: int, ls: str, max_days: int) -> str:
    """Episodes in a contiguous spell under one legal status lasting more than ``max_days`` days."""
    return f"""WITH e AS (
          SELECT _file, _row, CHILD, DECOM, coalesce(DEC, make_date({year}, 3, 31)) AS dec_to FROM episodes
          WHERE LS = '{ls}' AND DECOM IS NOT NULL),
        s AS (SELECT *, sum(CASE WHEN prev_dec = DECOM THEN 0 ELSE 1 END)
                        OVER (PARTITION BY CHILD ORDER BY DECOM ROWS UNBOUNDED PRECEDING) AS spell
              FROM (SELECT *, lag(dec_to) OVER (PARTITION BY CHILD ORDER BY DECOM, _row) AS prev_dec FROM e)),
        t AS (SELECT *, max(dec_to) OVER (PARTITION BY CHILD, spell) - min(DECOM) OVER (PARTITION BY CHILD, spell)
                        AS days FROM s)
       SELECT _file, _row, CHILD AS child FROM t WHERE days > {max_days}"""


@rule("361", "ssda903", "Police protection legal status lasted longer than maximum 72 hours allowed in the Children Act 1989.", tables=("episodes",), fields=("LS",))
def sql(year: int) -> str:
    return ls_spell_too_long(year, "L1", 3)


def test_361():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | LS
        1     | 01/06/2023 | 03/06/2023 | L1
        1     | 03/06/2023 | 05/06/2023 | L1
        1     | 05/06/2023 | 06/07/2023 | C2
        1     | 08/09/2023 | 11/09/2023 | L1
        2     | 01/06/2023 | 04/06/2023 | L1
        2     | 05/06/2023 | 08/06/2023 | L1
        3     | 29/03/2024 |            | L1
        4     | 27/03/2024 |            | L1
    """) == [2, 3, 9]
