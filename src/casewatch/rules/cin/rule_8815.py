"""CIN rule 8815: a child has at most one open CIN episode that went on to further action (no closure date,
ReferralNFA false). Open referrals with no further action may be several. Every such open episode of a
child with more than one is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8815", "cin", "More than one open CIN Details episode (a module with no CIN Closure Date) has been "
      "provided for this child and case is not a referral with no further action.", tables=("cin_details",),
      fields=("CINclosureDate",))
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM (
        SELECT *, count(*) OVER (PARTITION BY _file, _row) AS open_n FROM cin_details
        WHERE CINclosureDate IS NULL AND ReferralNFA = false)
      WHERE open_n > 1"""


def test_8815():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate | CINclosureDate | ReferralNFA
        1         | 1            | 2023-05-01      |                | 0
        1         | 2            | 2023-06-01      |                | 0
        2         | 1            | 2023-05-01      |                | 0
        2         | 2            | 2023-06-01      |                | 1
        2         | 3            | 2023-07-01      |                | 1
        3         | 1            | 2023-05-01      | 2023-05-20     | 0
        3         | 2            | 2023-06-01      |                | 0
        4         | 1            | 2023-05-01      |                |
        4         | 2            | 2023-06-01      |                | 0
    """) == [2, 3]


def test_8815_children_without_an_id_or_with_the_same_id():
    # one open further-action episode each: two children with no ID, two records with the same ID (8510's)
    assert flagged(sql, 2024, cin_details="""
        _row | LAchildID | CINdetailsID | CINreferralDate | CINclosureDate | ReferralNFA
        2    |           | 1            | 2023-05-01      |                | 0
        3    |           | 1            | 2023-06-01      |                | 0
        4    | 7         | 1            | 2023-05-01      |                | 0
        5    | 7         | 1            | 2023-06-01      |                | 0
        6    |           | 1            | 2023-05-01      |                | 0
        6    |           | 2            | 2023-06-01      |                | 0
    """) == [6, 7]
