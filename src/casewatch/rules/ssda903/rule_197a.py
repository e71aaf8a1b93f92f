"""903 rule 197a: A reason for no SDQ score (SDQ_REASON) given together with an SDQ score."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("197a", "ssda903", "Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and Difficulties Questionnaire score is filled in.", tables=("oc2",), fields=("SDQ_REASON",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM oc2
       WHERE SDQ_REASON IS NOT NULL AND (SDQ_SCORE IS NOT NULL OR json_extract_string(_bad, '$.SDQ_SCORE') IS NOT NULL)"""


def test_197a():
    assert flagged(sql, 2024, oc2="""
        CHILD | SDQ_SCORE | SDQ_REASON
        1     | 12        | SDQ1
        2     | 12        |
        3     |           | SDQ2
        4     | !x        | SDQ2
    """) == [2, 5]
