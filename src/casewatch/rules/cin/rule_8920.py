"""CIN rule 8920: a child protection plan cannot end after the child's date of death."""

from casewatch.rules.cin._census import same_child
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8920", "cin", "Child Protection Plan cannot end after the child's Date of Death", tables=("cp_plans",),
      fields=("CPPendDate",))
def sql(year: int) -> str:
    return f"""SELECT p._file, p._row, p._line, p.LAchildID AS child FROM cp_plans p
      JOIN child c ON {same_child('p', 'c')}
      WHERE p.CPPendDate > c.PersonDeathDate"""


def test_8920():
    assert flagged(sql, 2024, child="""
        LAchildID | PersonDeathDate
        1         | 2023-06-01
        2         |
    """, cp_plans="""
        LAchildID | CINdetailsID | CPPendDate
        1         | 1            | 2023-06-01
        1         | 1            | 2023-06-02
        1         | 1            |
        2         | 1            | 2023-06-02
    """) == [3]
