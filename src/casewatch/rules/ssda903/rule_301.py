"""903 rule 301: A date of birth after the collection year ended."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("301", "ssda903", "Date of birth falls after the year ended.", tables=("header",), fields=("DOB",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM header WHERE DOB > make_date({year}, 3, 31)"""


def test_301():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 31/03/2024
        2     | 01/04/2024
    """) == [3]
