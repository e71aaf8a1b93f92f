"""CIN rule 8720: a child protection plan has its start date, on or before the ReferenceDate."""

from casewatch.rules.cin._census import ref
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8720", "cin", "Child Protection Plan Start Date missing or out of data collection period",
      tables=("cp_plans",), fields=("CPPstartDate",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, _line, LAchildID AS child FROM cp_plans
      WHERE CPPstartDate IS NULL OR CPPstartDate > {ref(year)}"""


def test_8720():
    assert flagged(sql, 2024, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate
        1         | 1            | 2024-03-31
        2         | 1            | 2024-04-01
        3         | 1            |
        4         | 1            | 2019-01-01
    """) == [3, 4]
