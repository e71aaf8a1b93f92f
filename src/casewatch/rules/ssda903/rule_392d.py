"""903 rule 392d: Home and placement postcodes are the same although the child is not placed with parents.

The DfE's text: HOME_POST and PL_POST should differ unless PLACE is P1 (placed with parents). Postcodes
are compared ignoring spaces and case."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("392d", "ssda903", "Home and placement postcodes should not be same unless the placement type is P1.", tables=("episodes",), fields=("PL_POST",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes
       WHERE PLACE IS DISTINCT FROM 'P1'
         AND upper(replace(HOME_POST, ' ', '')) = upper(replace(PL_POST, ' ', ''))"""


def test_392d():
    assert flagged(sql, 2024, episodes="""
        CHILD | PLACE | HOME_POST | PL_POST
        1     | P1    | AB1 2CD   | AB1 2CD
        2     | U1    | AB1 2CD   | ab12cd
        3     | U1    | AB1 2CD   | EF3 4GH
        4     | U1    |           |
    """) == [3]
