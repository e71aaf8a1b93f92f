"""CIN rule 8820: a child's CIN episodes do not overlap. An episode's referral date must not fall on or after
another episode's referral date and before that episode's end: its closure date, or, when it is open and
went on to further action, the day after the ReferenceDate. One episode may start the day another closed.
An open referral with no further action has no extent. Of two episodes starting the same day, each is
flagged if the other lasts beyond that day. A missing referral date is rule 8600's."""

from casewatch.rules.cin._census import ref, same_child
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8820", "cin", "The dates on the CIN episodes for this child overlap", tables=("cin_details",),
      fields=("CINreferralDate",))
def sql(year: int) -> str:
    return f"""SELECT d._file, d._row, d._line, d.LAchildID AS child FROM cin_details d
      WHERE EXISTS (
        SELECT 1 FROM cin_details o WHERE {same_child('d', 'o')} AND o._line <> d._line
          AND o.CINreferralDate <= d.CINreferralDate
          AND d.CINreferralDate < coalesce(o.CINclosureDate,
                                            CASE WHEN o.ReferralNFA = false THEN {ref(year)} + 1 END))"""


def test_8820():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate | CINclosureDate | ReferralNFA
        1         | 1            | 2023-05-01      | 2023-06-01     | 0
        1         | 2            | 2023-05-20      | 2023-07-01     | 0
        2         | 1            | 2023-05-01      | 2023-06-01     | 0
        2         | 2            | 2023-06-01      |                | 0
        3         | 1            | 2023-05-01      |                | 0
        3         | 2            | 2024-03-31      | 2024-03-31     | 1
        4         | 1            | 2023-05-01      |                | 1
        4         | 2            | 2023-06-01      |                | 0
        5         | 1            | 2023-05-01      | 2023-05-10     | 0
        5         | 2            | 2023-05-01      | 2023-05-01     | 1
        6         | 1            | 2023-05-01      |                | 0
        6         | 2            |                 |                | 0
    """) == [3, 7, 11]
