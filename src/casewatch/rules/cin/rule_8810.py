"""CIN rule 8810: a reason for closure needs its closure date: without it the episode counts as open."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8810", "cin", "A CIN case cannot have a Reason for Closure without a CIN Closure Date",
      tables=("cin_details",), fields=("CINclosureDate",))
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM cin_details
      WHERE CINclosureDate IS NULL AND ReasonForClosure IS NOT NULL"""


def test_8810():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINclosureDate | ReasonForClosure
        1         | 1            |                | RC1
        2         | 1            | 2023-06-01     | RC1
        3         | 1            |                |
        4         | 1            | !2023-02-30    | RC1
    """) == [2, 5]
