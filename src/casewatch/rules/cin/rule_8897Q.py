"""CIN rule 8897Q: an assessment completed in the census year (authorised on or after 1 April) records at
least one factor identified at assessment, and every factor is a valid code for the year (18B/C and 19B/C
from 2020-21, 24A from 2021-22)."""

from casewatch.returns.cin.spec import codes
from casewatch.rules.cin._census import start
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8897Q", "cin", "Parental or child factors at assessment information is missing from a completed "
      "assessment", tables=("assessments",), fields=("AssessmentFactors",), severity="query")
def sql(year: int) -> str:
    valid = ", ".join(f"'{c}'" for c in codes(year, "AssessmentFactors") or ())
    return f"""SELECT _file, _row, _line, LAchildID AS child FROM assessments
      WHERE AssessmentAuthorisationDate >= {start(year)}
        AND (coalesce(len(AssessmentFactors), 0) = 0
             OR NOT list_has_all([{valid}], AssessmentFactors))"""


def test_8897Q():
    table = """
        LAchildID | CINdetailsID | AssessmentAuthorisationDate | AssessmentFactors
        1         | 1            | 2023-04-01                  | 2A,3B
        2         | 1            | 2023-04-01                  |
        3         | 1            | 2023-03-31                  |
        4         | 1            | 2023-04-01                  | 2A,99
        5         | 1            |                             |
        6         | 1            | 2023-04-01                  | 24A
    """
    assert flagged(sql, 2024, assessments=table) == [3, 5]
    assert flagged(sql, 2021, assessments=table.replace("2023", "2020")) == [3, 5, 7]
