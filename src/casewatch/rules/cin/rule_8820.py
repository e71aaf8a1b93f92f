"""CIN rule 8820: A child's CIN episodes overlap."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8820", "cin", "The dates on the CIN episodes for this child overlap", tables=("cin_details",), fields=("CINreferralDate",))
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM (SELECT *, lag(coalesce(CINclosureDate, DATE '9999-12-31')) OVER (PARTITION BY _file, LAchildID ORDER BY CINreferralDate) AS prev_end,
        row_number() OVER (PARTITION BY _file, LAchildID ORDER BY CINreferralDate) AS n FROM cin_details) WHERE n > 1 AND prev_end > CINreferralDate"""


def test_8820():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate | CINclosureDate
        1         | 1            | 2023-05-01      | 2023-06-01
        1         | 2            | 2023-05-20      |
        2         | 1            | 2023-05-01      | 2023-06-01
        2         | 2            | 2023-06-01      |
    """) == [3]
