"""903 rule 358: A child under 10 cannot be looked after under a youth justice legal status (J1, J2, J3).

The DfE's text: where LS is J1, J2 or J3 the child must be 10 or over when the episode starts (DOB on or
before 10 years before DECOM). The peer also flags a child whose 10th birthday is the day the episode starts;
casewatch follows the text and does not."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("358", "ssda903", "Child with this legal status should not be under 10.", tables=("episodes", "header"), fields=("LS",))
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM episodes e JOIN header h ON h.CHILD = e.CHILD
       WHERE e.LS IN ('J1', 'J2', 'J3') AND e.DECOM < h.DOB + INTERVAL 10 YEAR"""


def test_358():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/06/2013
        2     | 02/06/2013
        3     | 01/01/2020
    """, episodes="""
        CHILD | DECOM      | LS
        1     | 01/06/2023 | J1
        2     | 01/06/2023 | J2
        2     | 01/06/2023 | C2
        3     | 01/06/2023 | J3
        3     | 01/06/2023 | V2
    """) == [3, 5]
