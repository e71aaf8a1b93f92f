"""903 rule 351: A child in the return who was over 25 when the collection year started.

The DfE's text: the child's 25th birthday must not be before 1 April of the collection year."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("351", "ssda903", "Child was over 25 at the start of the current collection year.", tables=("header",), fields=("DOB",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM header WHERE DOB + INTERVAL 25 YEAR < make_date({year - 1}, 4, 1)"""


def test_351():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/04/1998
        2     | 31/03/1998
        3     | 01/01/2010
    """) == [3]
