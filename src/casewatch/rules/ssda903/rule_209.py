"""903 rule 209: UPN code UN1 ("child was not of school age and had not attended school") for a child of
school age. As the DfE's validator reads the rule, a child who was 4 or over on 31 August of the year
before the collection year began (so 5 or over by the 31 August before it) is of school age."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("209", "ssda903", "Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.", tables=("header",), fields=("UPN",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM header
       WHERE UPN = 'UN1' AND DOB + INTERVAL 4 YEAR <= DATE '{year - 2}-08-31'"""


def test_209():
    assert flagged(sql, 2024, header="""
        CHILD | DOB        | UPN
        1     | 31/08/2018 | UN1
        2     | 01/09/2018 | UN1
        3     | 01/01/2010 | UN2
        4     | 01/01/2010 | UN1
        5     |            | UN1
    """) == [2, 5]
