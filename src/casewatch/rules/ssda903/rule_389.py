"""903 rule 389: Transfer to adult social care (REC E7) before the child's 16th birthday.

The DfE's text: if the reason episode ceased is E7, the child must be 16 or over on the date the episode
ceased. An E7 episode without a ceased date has no age to judge and is not flagged (the DfE validator flags
it; docs/returns/README.md)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("389", "ssda903", "Reason episode ceased is that child transferred to care of adult social care services, but child is aged under 16.", tables=("episodes", "header"), fields=("REC",))
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM episodes e JOIN header h ON h.CHILD = e.CHILD WHERE e.REC = 'E7' AND e.DEC < h.DOB + INTERVAL 16 YEAR"""


def test_389():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/05/2008
        2     | 01/05/2007
        3     | 01/06/2007
        4     | 31/12/2014
    """, episodes="""
        CHILD | DECOM      | DEC        | REC
        1     | 01/04/2023 | 01/06/2023 | E7
        2     | 01/04/2023 | 01/06/2023 | E7
        3     | 01/04/2023 | 01/06/2023 | E7
        3     | 01/04/2023 | 31/05/2023 | E7
        4     | 01/04/2023 |            | E7
        4     | 01/04/2023 | 01/06/2023 | X1
    """) == [2, 5]
