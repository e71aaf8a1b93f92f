"""CIN rule 8805: a closed CIN episode says why it closed."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8805", "cin", "A CIN case cannot have a CIN closure date without a Reason for Closure",
      tables=("cin_details",), fields=("ReasonForClosure",))
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM cin_details
      WHERE CINclosureDate IS NOT NULL AND ReasonForClosure IS NULL"""


def test_8805():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINclosureDate | ReasonForClosure
        1         | 1            | 2023-06-01     |
        2         | 1            | 2023-06-01     | RC1
        3         | 1            |                |
    """) == [2]
