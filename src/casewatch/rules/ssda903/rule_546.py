"""903 rule 546: Health promotion information (OC2 HEALTH_CHECK) for a child aged 5 or over at 31 March.

The DfE's text names no other condition; the DfE's validator judges only children looked after
continuously for 12 months. casewatch follows the text."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("546", "ssda903", "Children aged 5 or over at 31 March should not have health promotion information completed.", tables=("oc2",), fields=("HEALTH_CHECK",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM oc2
       WHERE HEALTH_CHECK IS NOT NULL AND DOB + INTERVAL 5 YEAR <= DATE '{int(year)}-03-31'"""


def test_546():
    assert flagged(sql, 2024, oc2="""
        CHILD | DOB        | HEALTH_CHECK
        1     | 31/03/2019 | 1
        2     | 01/04/2019 | 1
        3     | 01/01/2010 |
        4     | 01/01/2010 | 0
    """) == [2, 5]
