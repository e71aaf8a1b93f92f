"""CIN rule 2990: an episode closed after assessment with no further action (RC8) or referred to early help
(RC9) had no section 47 enquiry, no initial conference, no CP plan and no CIN plan. Each such element is
flagged where it is: the <Section47>, <ChildProtectionPlans> or <CINPlanDates>, or the <CINdetails> for its
own DateOfInitialCPC."""

from casewatch.rules.cin._census import episode
from casewatch.rules.engine import rule
from casewatch.rules.testing import issues

CLOSED = "ReasonForClosure IN ('RC8', 'RC9')"


@rule("2990", "cin", "Activity is recorded against a case marked as 'Case closed after assessment, no further "
      "action' or 'case closed after assessment, referred to early help'.",
      tables=("cin_details", "section47", "cp_plans", "cin_plans"), fields=("ReasonForClosure",))
def sql(year: int) -> str:
    parts = [f"""SELECT x._file, x._row, x._line, x.LAchildID AS child, '{t}' AS _table, '{f}' AS field
        FROM {t} x WHERE EXISTS (SELECT 1 FROM cin_details d WHERE {episode('x', 'd')} AND d.{CLOSED})"""
             for t, f in (("section47", "S47ActualStartDate"), ("cp_plans", "CPPstartDate"),
                          ("cin_plans", "CINPlanStartDate"))]
    parts.append(f"""SELECT _file, _row, _line, LAchildID AS child, 'cin_details' AS _table,
        'DateOfInitialCPC' AS field FROM cin_details WHERE {CLOSED} AND DateOfInitialCPC IS NOT NULL""")
    return "\nUNION ALL\n".join(parts)


def test_2990():
    found = issues(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | ReasonForClosure | DateOfInitialCPC
        1         | 1            | RC8              |
        1         | 2            | RC1              |
        2         | 1            | RC9              | 2023-06-01
        3         | 1            |                  |
        4         | 1            | RC8              |
    """, section47="""
        LAchildID | CINdetailsID | S47ActualStartDate
        1         | 1            | 2023-05-01
        1         | 2            | 2023-05-01
        3         | 1            | 2023-05-01
    """, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate
        1         | 2            | 2023-05-01
        2         | 1            | 2023-06-01
    """, cin_plans="""
        LAchildID | CINdetailsID | CINPlanStartDate
        1         | 1            | 2023-06-01
        3         | 1            | 2023-06-01
    """)
    assert sorted((i.table, i.row) for i in found) == [
        ("cin_details", 4), ("cin_plans", 2), ("cp_plans", 3), ("section47", 2)]
