"""903 rule 359: A young person still looked after past their 18th birthday must be V2 in a children's home (K2).

The DfE's text: a child looked after following their 18th birthday must be accommodated under section
20(5) of the Children Act 1989 in a community home, i.e. an episode still open at the end of the year
(no DEC) for a child who turned 18 before 31 March must have LS V2 and PLACE K2."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("359", "ssda903", "Child being looked after following 18th birthday must be accommodated under section 20(5) of the Children Act 1989 in a community home.", tables=("episodes", "header"), fields=("LS", "PLACE"))
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child FROM episodes e JOIN header h ON h.CHILD = e.CHILD
       WHERE e.DEC IS NULL AND h.DOB + INTERVAL 18 YEAR < make_date({year}, 3, 31)
         AND NOT (e.LS IS NOT DISTINCT FROM 'V2' AND e.PLACE IS NOT DISTINCT FROM 'K2')"""


def test_359():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/01/2006
        2     | 01/01/2006
        3     | 31/03/2006
        4     | 01/01/2006
    """, episodes="""
        CHILD | DECOM      | DEC        | LS | PLACE
        1     | 01/06/2023 |            | C2 | U1
        2     | 01/06/2023 |            | V2 | K2
        3     | 01/06/2023 |            | C2 | U1
        4     | 01/06/2023 | 01/02/2024 | C2 | U1
    """) == [2]
