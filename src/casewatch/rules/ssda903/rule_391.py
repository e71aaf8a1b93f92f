"""903 rule 391: OC3 only for young people aged 17 to 21 during the year."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("391", "ssda903", "Young person was not 17, 18, 19, 20 or 21 during the current collection year.", tables=("oc3",), fields=("DOB",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM oc3
       WHERE DOB + INTERVAL 17 YEAR > make_date({year}, 3, 31) OR DOB + INTERVAL 22 YEAR <= make_date({year} - 1, 4, 1)"""


def test_391():
    assert flagged(sql, 2024, oc3="""
        CHILD | DOB
        1     | 01/05/2005
        2     | 01/04/2007
        3     | 01/04/2001
    """) == [3, 4]
