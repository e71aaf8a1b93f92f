"""903 rule 577: A missing period with no end date for a child who has ceased to be looked after.

The DfE's text: the child ceased to be looked after (their latest episode in the return has an end date)
but a missing period (with a start date) has no end date. The DfE's validator also flags periods that end
outside the period of care; those are left to rules 575 and 578 here."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("577", "ssda903", "Child ceased to be looked after but there is a missing/away from placement without authorisation period without an end date.", tables=("missing", "episodes"), fields=("MIS_END",))
def sql(year: int) -> str:
    return """SELECT m._file, m._row, m.CHILD AS child FROM missing m
       JOIN (SELECT CHILD, arg_max(DEC, DECOM) AS last_dec, count(*) - count(DEC) AS open_eps FROM episodes
             GROUP BY CHILD) e ON e.CHILD = m.CHILD
       WHERE m.MIS_START IS NOT NULL AND m.MIS_END IS NULL AND e.last_dec IS NOT NULL AND e.open_eps = 0"""


def test_577():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC
        1     | 01/05/2023 | 01/06/2023
        2     | 01/05/2023 | 01/06/2023
        2     | 01/06/2023 |
        3     | 01/05/2023 | 01/06/2023
        4     | 01/05/2023 | 01/06/2023
    """, missing="""
        CHILD | MISSING | MIS_START  | MIS_END
        1     | M       | 10/05/2023 |
        2     | M       | 10/05/2023 |
        3     | M       | 10/05/2023 | 12/05/2023
        4     | M       |            |
    """) == [2]
