"""CIN rule 4008: a CIN plan cannot start after the child's date of death (CIN plans from 2021-22)."""

from casewatch.rules.cin._census import same_child
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("4008", "cin", "CIN Plan shown as starting after the child's Date of Death.", tables=("cin_plans",),
      fields=("CINPlanStartDate",), since=2022)
def sql(year: int) -> str:
    return f"""SELECT n._file, n._row, n._line, n.LAchildID AS child FROM cin_plans n
      JOIN child c ON {same_child('n', 'c')}
      WHERE n.CINPlanStartDate > c.PersonDeathDate"""


def test_4008():
    assert flagged(sql, 2024, child="""
        LAchildID | PersonDeathDate
        1         | 2023-06-01
        2         |
    """, cin_plans="""
        LAchildID | CINdetailsID | CINPlanStartDate
        1         | 1            | 2023-06-01
        1         | 1            | 2023-06-02
        2         | 1            | 2023-06-02
    """) == [3]
