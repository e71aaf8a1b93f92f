"""903 rule 347 (from 2023-24): A care leaver under 18 cannot be accommodated in a Foyer.

The DfE's text: care leavers aged under 18 cannot have accommodation in a Foyer (ACCOM T1 or T2, suitable
or not). The peer compares ACCOM with a bare 'T', which no valid code equals, so it never fires; casewatch
follows the text. Age is taken, as the peer does, on the first day of the collection year (1 April)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("347", "ssda903", "Care leavers aged under 18 years, can not be accommodated in a Foyer.", tables=("oc3",), fields=("ACCOM",), since=2024)
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM oc3
       WHERE ACCOM IN ('T1', 'T2') AND DOB + INTERVAL 18 YEAR > make_date({year - 1}, 4, 1)"""


def test_347():
    assert flagged(sql, 2024, oc3="""
        CHILD | DOB        | ACCOM
        1     | 01/04/2005 | T1
        2     | 02/04/2005 | T2
        3     | 02/04/2005 | B1
        4     | 01/01/2003 | T1
    """) == [3]
