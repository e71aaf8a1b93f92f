"""903 rule 440: Participation code PN0 (child under 4) at a review held on or after the child's 4th birthday.

The DfE's text: if REVIEW_CODE is PN0 the child must be under 4 on the review date. The peer lets through a
review on the 4th birthday itself, when the child is already 4; casewatch follows the text."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("440", "ssda903", "Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over.", tables=("reviews",), fields=("REVIEW_CODE",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM reviews WHERE REVIEW_CODE = 'PN0' AND REVIEW >= DOB + INTERVAL 4 YEAR"""


def test_440():
    assert flagged(sql, 2024, reviews="""
        CHILD | DOB        | REVIEW     | REVIEW_CODE
        1     | 01/06/2019 | 31/05/2023 | PN0
        2     | 01/06/2019 | 01/06/2023 | PN0
        3     | 01/06/2015 | 01/06/2023 | PN1
        4     |            | 01/06/2023 | PN0
    """) == [3]
