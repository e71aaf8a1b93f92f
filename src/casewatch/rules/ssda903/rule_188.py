"""903 rule 188: An SDQ score or a reason for no score (SDQ_REASON) for a child under 4 on 31 March. Age from
oc2.DOB."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("188", "ssda903", "Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) score or a reason for no SDQ score has been completed. ", tables=("oc2",), fields=("SDQ_SCORE",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM oc2
       WHERE DOB + INTERVAL 4 YEAR > DATE '{year}-03-31'
         AND (SDQ_SCORE IS NOT NULL OR SDQ_REASON IS NOT NULL OR json_extract_string(_bad, '$.SDQ_SCORE') IS NOT NULL)"""


def test_188():
    assert flagged(sql, 2024, oc2="""
        CHILD | DOB        | SDQ_SCORE | SDQ_REASON
        1     | 31/03/2020 | 12        |
        2     | 01/04/2020 | 12        |
        3     | 01/04/2020 |           | SDQ1
        4     | 01/04/2020 |           |
        5     |            | 12        |
    """) == [3, 4]
