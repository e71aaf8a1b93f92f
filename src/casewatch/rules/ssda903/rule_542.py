"""903 rule 542: Conviction information (OC2 CONVICTED) for a child under 10 at 31 March."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("542", "ssda903", "A child aged under 10 at 31 March should not have conviction information completed.", tables=("oc2",), fields=("CONVICTED",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM oc2
       WHERE CONVICTED IS NOT NULL AND DOB + INTERVAL 10 YEAR > DATE '{int(year)}-03-31'"""


def test_542():
    assert flagged(sql, 2024, oc2="""
        CHILD | DOB        | CONVICTED
        1     | 31/03/2014 | 0
        2     | 01/04/2014 | 0
        3     | 01/04/2014 |
        4     | 01/01/2010 | 1
    """) == [3]
