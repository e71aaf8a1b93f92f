"""903 rule 352: A child cannot start to be looked after aged 18 or over."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("352", "ssda903", "Child who started to be looked after was aged 18 or over.", tables=("episodes", "header"), fields=("DECOM",))
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM episodes e JOIN header h ON h.CHILD = e.CHILD WHERE e.RNE = 'S' AND e.DECOM >= h.DOB + INTERVAL 18 YEAR"""


def test_352():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/05/2005
        2     | 01/05/2005
    """, episodes="""
        CHILD | DECOM      | RNE
        1     | 30/04/2023 | S
        2     | 01/05/2023 | S
    """) == [3]
