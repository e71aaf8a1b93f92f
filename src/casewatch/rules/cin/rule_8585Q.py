"""CIN rule 8585Q: an episode closed because the child died (RC2) needs the child's date of death."""

from casewatch.rules.cin._census import same_child
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8585Q", "cin", "Please check and either amend or provide a reason: CIN episode shows Died as the Closure "
      "Reason, however child has no recorded Date of Death", tables=("cin_details",),
      fields=("ReasonForClosure",), severity="query")
def sql(year: int) -> str:
    return f"""SELECT d._file, d._row, d._line, d.LAchildID AS child FROM cin_details d
      WHERE d.ReasonForClosure = 'RC2'
        AND NOT EXISTS (SELECT 1 FROM child c WHERE {same_child('d', 'c')} AND c.PersonDeathDate IS NOT NULL)"""


def test_8585Q():
    assert flagged(sql, 2024, child="""
        LAchildID | PersonDeathDate
        1         | 2023-06-01
        2         |
        3         | !2023-02-30
    """, cin_details="""
        LAchildID | CINdetailsID | ReasonForClosure
        1         | 1            | RC2
        2         | 1            | RC2
        2         | 2            | RC1
        3         | 1            | RC2
    """) == [3, 5]
