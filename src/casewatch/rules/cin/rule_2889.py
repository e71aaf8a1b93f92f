"""CIN rule 2889: section47.S47ActualStartDate before the referral of its CIN episode."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("2889", "cin", "The S47 start date cannot be before the referral date.", tables=("section47", "cin_details"), fields=("S47ActualStartDate",))
def sql(year: int) -> str:
    return """SELECT t._file, t._row, t._line, t.LAchildID AS child FROM section47 t JOIN cin_details d ON d._file = t._file AND d.LAchildID = t.LAchildID AND d.CINdetailsID = t.CINdetailsID WHERE t.S47ActualStartDate < d.CINreferralDate"""


def test_2889():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate
        1         | 1            | 2023-05-10
    """, section47="""
        LAchildID | CINdetailsID | S47ActualStartDate
        1         | 1            | 2023-05-09
        1         | 1            | 2023-05-10
    """) == [2]
