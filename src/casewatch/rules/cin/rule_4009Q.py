"""CIN rule 4009Q: a CIN plan cannot end after the child's date of death (CIN plans from 2021-22)."""

from casewatch.rules.cin._census import same_child
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("4009Q", "cin", "CIN Plan cannot end after the child's Date of Death", tables=("cin_plans",),
      fields=("CINPlanEndDate",), severity="query", since=2022)
def sql(year: int) -> str:
    return f"""SELECT n._file, n._row, n._line, n.LAchildID AS child FROM cin_plans n
      JOIN child c ON {same_child('n', 'c')}
      WHERE n.CINPlanEndDate > c.PersonDeathDate"""


def test_4009Q():
    assert flagged(sql, 2024, child="""
        LAchildID | PersonDeathDate
        1         | 2023-06-01
        2         |
    """, cin_plans="""
        LAchildID | CINdetailsID | CINPlanEndDate
        1         | 1            | 2023-06-01
        1         | 1            | 2023-06-02
        1         | 1            |
        2         | 1            | 2023-06-02
    """) == [3]
