"""CIN rule 8930: a child protection plan's end date, when present, falls within the census year."""

from casewatch.rules.cin._census import ref, start
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8930", "cin", "Child Protection Plan End Date must fall within the census year", tables=("cp_plans",),
      fields=("CPPendDate",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, _line, LAchildID AS child FROM cp_plans
      WHERE CPPendDate < {start(year)} OR CPPendDate > {ref(year)}"""


def test_8930():
    assert flagged(sql, 2024, cp_plans="""
        LAchildID | CINdetailsID | CPPendDate
        1         | 1            | 2023-03-31
        2         | 1            | 2023-04-01
        3         | 1            | 2024-03-31
        4         | 1            | 2024-04-01
        5         | 1            |
    """) == [2, 5]
