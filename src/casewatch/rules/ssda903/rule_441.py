"""903 rule 441: A participation code for a child of 4 or over (PN1-PN7) at a review before the 4th birthday."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("441", "ssda903", "Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4 years old.", tables=("reviews",), fields=("REVIEW_CODE",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM reviews
       WHERE REVIEW_CODE IN ('PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7') AND REVIEW < DOB + INTERVAL 4 YEAR"""


def test_441():
    assert flagged(sql, 2024, reviews="""
        CHILD | DOB        | REVIEW     | REVIEW_CODE
        1     | 01/06/2019 | 31/05/2023 | PN1
        2     | 01/06/2019 | 01/06/2023 | PN7
        3     | 01/06/2021 | 01/06/2023 | PN0
        4     | 01/06/2021 | 01/06/2023 | PN3
    """) == [2, 5]
