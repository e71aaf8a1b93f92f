"""903 rule 625: The first child's date of birth (MC_DOB) is after the end of the collection year (31 March)
or after the child's latest episode ended (the latest DEC in the return)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("625", "ssda903", "Date of birth of the first child is beyond the end of this reporting year or the date the child ceased to be looked after.", tables=("header", "episodes"), fields=("MC_DOB",))
def sql(year: int) -> str:
    return f"""SELECT h._file, h._row, h.CHILD AS child FROM header h
       LEFT JOIN (SELECT CHILD, max(DEC) AS last_dec FROM episodes GROUP BY CHILD) e ON e.CHILD = h.CHILD
       WHERE h.MC_DOB > DATE '{int(year)}-03-31' OR h.MC_DOB > e.last_dec"""


def test_625():
    assert flagged(sql, 2024, header="""
        CHILD | MOTHER | MC_DOB
        1     | 1      | 01/05/2023
        2     | 1      | 01/04/2024
        3     | 1      | 01/07/2023
        4     | 1      | 01/07/2023
    """, episodes="""
        CHILD | DECOM      | DEC
        1     | 01/05/2022 |
        3     | 01/05/2022 | 01/06/2023
        4     | 01/05/2022 | 01/07/2023
    """) == [3, 4]
