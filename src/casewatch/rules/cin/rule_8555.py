"""CIN rule 8555: Referred after the child died."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8555", "cin", "Child cannot be referred after its recorded date of death", tables=("cin_details", "child"), fields=("CINreferralDate",), severity="query")
def sql(year: int) -> str:
    return """SELECT d._file, d._row, d._line, d.LAchildID AS child FROM cin_details d JOIN child c ON c._file = d._file AND c.LAchildID = d.LAchildID WHERE d.CINreferralDate > c.PersonDeathDate"""


def test_8555():
    assert flagged(sql, 2024, child="""
        LAchildID | PersonDeathDate
        1         | 2023-06-01
    """, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate
        1         | 1            | 2023-06-01
        1         | 2            | 2023-06-02
    """) == [3]
