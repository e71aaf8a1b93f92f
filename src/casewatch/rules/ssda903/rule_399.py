"""903 rule 399: MOTHER, reviews and participation are not collected for a child only in respite care.

The DfE's text: if every episode of the child has LS V3 or V4, MOTHER, REVIEW and REVIEW_CODE must not be
provided. The header row is reported when MOTHER is given, and each review row of such a child."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import issues

ONLY_RESPITE = "SELECT CHILD FROM episodes GROUP BY CHILD HAVING bool_and(coalesce(LS IN ('V3', 'V4'), false))"


@rule("399", "ssda903", "Mother field, review field or participation field are completed but child is looked after under legal status V3 or V4.", tables=("header", "reviews", "episodes"), fields=("MOTHER",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child, 'header' AS _table, 'MOTHER' AS field FROM header
       WHERE MOTHER IS NOT NULL AND CHILD IN ({ONLY_RESPITE})
       UNION ALL
       SELECT _file, _row, CHILD AS child, 'reviews' AS _table, 'REVIEW' AS field FROM reviews
       WHERE (REVIEW IS NOT NULL OR REVIEW_CODE IS NOT NULL) AND CHILD IN ({ONLY_RESPITE})"""


def test_399():
    found = issues(sql, 2024, header="""
        CHILD | MOTHER
        1     | 0
        2     | 0
        3     |
    """, episodes="""
        CHILD | DECOM      | LS
        1     | 01/06/2023 | V3
        1     | 01/07/2023 | V4
        2     | 01/06/2023 | V3
        2     | 01/07/2023 | C2
        3     | 01/06/2023 | V4
    """, reviews="""
        CHILD | REVIEW     | REVIEW_CODE
        3     | 01/07/2023 | PN1
        2     | 01/07/2023 | PN1
    """)
    assert sorted((i.table, i.row) for i in found) == [("header", 2), ("reviews", 2)]

