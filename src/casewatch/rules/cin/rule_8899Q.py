"""CIN rule 8899Q: a child with a disability (any code other than NONE) whose assessment was completed in the
census year should have a disability factor about the child among its factors: 5A (learning disability) or
6A (physical disability or illness). The DfE retired this query after 2021-22."""

from casewatch.rules.cin._census import same_child, start
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8899Q", "cin", "Please check: A child identified as having a disability does not have a disability factor "
      "recorded at the end of assessment.", tables=("assessments",), fields=("AssessmentFactors",),
      severity="query", until=2022)
def sql(year: int) -> str:
    return f"""SELECT a._file, a._row, a._line, a.LAchildID AS child FROM assessments a
      WHERE a.AssessmentAuthorisationDate >= {start(year)}
        AND NOT coalesce(list_has_any(a.AssessmentFactors, ['5A', '6A']), false)
        AND EXISTS (SELECT 1 FROM disability x WHERE {same_child('a', 'x')} AND x.Disability <> 'NONE')"""


def test_8899Q():
    assert flagged(sql, 2022, disability="""
        LAchildID | Disability
        1         | AUT
        2         | NONE
        3         | MOB
    """, assessments="""
        LAchildID | CINdetailsID | AssessmentAuthorisationDate | AssessmentFactors
        1         | 1            | 2021-04-01                  | 2A
        1         | 1            | 2021-04-01                  | 5A
        1         | 1            | 2021-03-31                  | 2A
        1         | 1            | 2021-04-01                  |
        2         | 1            | 2021-04-01                  | 2A
        3         | 1            | 2021-06-01                  | 6A,2A
        4         | 1            | 2021-06-01                  | 2A
    """) == [2, 5]
    assert not sql.applies(2023)
