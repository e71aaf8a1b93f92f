"""903 rule 620: A mother (MOTHER 1) who was under 11 at the start of the collection year (1 April)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("620", "ssda903", "Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of age.", tables=("header",), fields=("MOTHER",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM header
       WHERE MOTHER = '1' AND DOB + INTERVAL 11 YEAR > DATE '{int(year) - 1}-04-01'"""


def test_620():
    assert flagged(sql, 2024, header="""
        CHILD | DOB        | MOTHER
        1     | 01/04/2012 | 1
        2     | 02/04/2012 | 1
        3     | 02/04/2012 | 0
        4     | 01/01/2005 | 1
    """) == [3]
