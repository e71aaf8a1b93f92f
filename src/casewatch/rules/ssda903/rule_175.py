"""903 rule 175 (ad1.NB_ADOPTR): the number of adopters, where given, must be 1 or 2. A cell that held
something that is not a number is flagged too."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("175", "ssda903", "The number of adopter(s) code is not a valid code.", tables=("ad1",), fields=("NB_ADOPTR",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM ad1
       WHERE NB_ADOPTR NOT IN (1, 2) OR json_extract_string(_bad, '$.NB_ADOPTR') IS NOT NULL"""


def test_175():
    assert flagged(sql, 2024, ad1="""
        CHILD | NB_ADOPTR
        1     | 1
        2     | 2
        3     |
        4     | 3
        5     | 0
        6     | !two
    """) == [5, 6, 7]
