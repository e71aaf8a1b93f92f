"""CIN rule 2889: a section 47 enquiry starts on or after its episode's referral date."""

from casewatch.rules.cin._census import episode
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("2889", "cin", "The S47 start date cannot be before the referral date.", tables=("section47",),
      fields=("S47ActualStartDate",))
def sql(year: int) -> str:
    return f"""SELECT s._file, s._row, s._line, s.LAchildID AS child FROM section47 s
      JOIN cin_details d ON {episode('s', 'd')}
      WHERE s.S47ActualStartDate < d.CINreferralDate"""


def test_2889():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate
        1         | 1            | 2023-05-10
        1         | 2            | 2023-04-10
        2         | 1            |
    """, section47="""
        LAchildID | CINdetailsID | S47ActualStartDate
        1         | 1            | 2023-05-09
        1         | 1            | 2023-05-10
        1         | 2            | 2023-05-09
        1         | 1            |
        2         | 1            | 2023-05-09
    """) == [2]
