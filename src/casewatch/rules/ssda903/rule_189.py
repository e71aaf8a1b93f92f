"""903 rule 189: An SDQ score or a reason for no score (SDQ_REASON) for a child aged 17 or over on 1 April.
Age from oc2.DOB. The DfE's validator (csc-validator-be-903 0.1.17) spares a child whose 17th birthday is
1 April itself; casewatch follows the text: that child is 17 at the start of the year."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("189", "ssda903", "Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been completed.", tables=("oc2",), fields=("SDQ_SCORE",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM oc2
       WHERE DOB + INTERVAL 17 YEAR <= DATE '{year - 1}-04-01'
         AND (SDQ_SCORE IS NOT NULL OR SDQ_REASON IS NOT NULL OR json_extract_string(_bad, '$.SDQ_SCORE') IS NOT NULL)"""


def test_189():
    assert flagged(sql, 2024, oc2="""
        CHILD | DOB        | SDQ_SCORE | SDQ_REASON
        1     | 01/04/2006 | 12        |
        2     | 02/04/2006 | 12        |
        3     | 01/01/2005 |           | SDQ1
        4     | 01/01/2005 |           |
    """) == [2, 4]
