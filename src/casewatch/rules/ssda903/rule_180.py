"""903 rule 180 (oc2.SDQ_SCORE): the Strengths and Difficulties Questionnaire score, where given, is a whole
number from 0 to 40. A cell that held something that is not a number is flagged too."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("180", "ssda903", "Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.", tables=("oc2",), fields=("SDQ_SCORE",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM oc2
       WHERE SDQ_SCORE NOT BETWEEN 0 AND 40 OR json_extract_string(_bad, '$.SDQ_SCORE') IS NOT NULL"""


def test_180():
    assert flagged(sql, 2024, oc2="""
        CHILD | SDQ_SCORE
        1     | 0
        2     | 40
        3     |
        4     | 41
        5     | -1
        6     | !ten
    """) == [5, 6, 7]
