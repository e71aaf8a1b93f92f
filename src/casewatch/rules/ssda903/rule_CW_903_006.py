"""903 rule CW-903-006: UASC table and Header disagree about the child's date of birth."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("CW-903-006", "ssda903", "The date of birth in the UASC table differs from the Header.", tables=("uasc", "header"), fields=("DOB",))
def sql(year: int) -> str:
    return """SELECT u._file, u._row, u.CHILD AS child FROM uasc u JOIN header h ON h.CHILD = u.CHILD WHERE u.DOB <> h.DOB"""


def test_CW_903_006():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/05/2008
        2     | 01/05/2008
    """, uasc="""
        CHILD | DOB
        1     | 01/05/2008
        2     | 02/05/2008
    """) == [3]
