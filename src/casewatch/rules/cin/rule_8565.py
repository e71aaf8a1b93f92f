"""CIN rule 8565: nothing in a closed CIN episode happens after its closure date: assessment start and
authorisation, section 47 start, initial conference (on the <Section47> or the <CINdetails>), CP plan end,
CIN plan start and end. Each late date is flagged on its own element, with its field."""

from casewatch.rules.cin._census import episode
from casewatch.rules.engine import rule
from casewatch.rules.testing import issues

DATES = (("assessments", "AssessmentActualStartDate"), ("assessments", "AssessmentAuthorisationDate"),
         ("section47", "S47ActualStartDate"), ("section47", "DateOfInitialCPC"), ("cp_plans", "CPPendDate"),
         ("cin_plans", "CINPlanStartDate"), ("cin_plans", "CINPlanEndDate"))


@rule("8565", "cin", "Activity shown after a case has been closed",
      tables=("cin_details", *dict.fromkeys(t for t, _ in DATES)), fields=("CINclosureDate",))
def sql(year: int) -> str:
    parts = [f"""SELECT x._file, x._row, x._line, x.LAchildID AS child, '{t}' AS _table, '{f}' AS field
        FROM {t} x JOIN cin_details d ON {episode('x', 'd')} WHERE x.{f} > d.CINclosureDate""" for t, f in DATES]
    parts.append("""SELECT _file, _row, _line, LAchildID AS child, 'cin_details' AS _table,
        'DateOfInitialCPC' AS field FROM cin_details WHERE DateOfInitialCPC > CINclosureDate""")
    return "\nUNION ALL\n".join(parts)


def test_8565():
    found = issues(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINclosureDate | DateOfInitialCPC
        1         | 1            | 2023-09-01     | 2023-09-02
        2         | 1            |                | 2023-09-02
        3         | 1            | 2023-09-01     | 2023-09-01
    """, assessments="""
        LAchildID | CINdetailsID | AssessmentActualStartDate | AssessmentAuthorisationDate
        1         | 1            | 2023-08-01                | 2023-09-01
        1         | 1            | 2023-08-01                | 2023-09-02
        2         | 1            | 2023-10-01                | 2023-10-02
    """, section47="""
        LAchildID | CINdetailsID | S47ActualStartDate | DateOfInitialCPC
        1         | 1            | 2023-09-02         |
        3         | 1            | 2023-08-01         |
    """, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate | CPPendDate
        1         | 1            | 2023-08-01   |
        3         | 1            | 2023-08-01   | 2023-09-02
    """, cin_plans="""
        LAchildID | CINdetailsID | CINPlanStartDate | CINPlanEndDate
        3         | 1            | 2023-08-01       | 2023-09-01
        3         | 1            | 2023-09-02       |
    """)
    assert sorted((i.table, i.row, i.field) for i in found) == [
        ("assessments", 3, "AssessmentAuthorisationDate"), ("cin_details", 2, "DateOfInitialCPC"),
        ("cin_plans", 3, "CINPlanStartDate"), ("cp_plans", 3, "CPPendDate"),
        ("section47", 2, "S47ActualStartDate")]
