"""CIN rule 8555Q: a child cannot be referred after their recorded date of death (the same day is allowed)."""

from casewatch.rules.cin._census import same_child
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8555Q", "cin", "Child cannot be referred after its recorded date of death", tables=("cin_details",),
      fields=("CINreferralDate",), severity="query")
def sql(year: int) -> str:
    return f"""SELECT d._file, d._row, d._line, d.LAchildID AS child FROM cin_details d
      JOIN child c ON {same_child('d', 'c')}
      WHERE d.CINreferralDate > c.PersonDeathDate"""


def test_8555Q():
    assert flagged(sql, 2024, child="""
        LAchildID | PersonDeathDate
        1         | 2023-06-01
        2         |
    """, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate
        1         | 1            | 2023-06-01
        1         | 2            | 2023-06-02
        1         | 3            |
        2         | 1            | 2023-06-02
    """) == [3]
