"""CIN rule 8842Q: a child protection plan's <Reviews> group holds valid review dates.

DfE text: where a <Reviews> group is present, a valid <CPPreviewDate> (N00116) should be present within the
group. What staging can show: a review date that is present but not a date (the plan's CPPreviewDate list is
NULL and ``_bad`` keeps the text; CW-TYPE also reports it), and the plan is flagged. A blank <CPPreviewDate/>
is dropped when the list is typed and an empty <Reviews/> leaves no trace, so neither can be seen here: both
break the XSD (a <Reviews> needs one or more xs:date), so ``--xsd`` reports them. The DfE validator reads only a
group's first date.
"""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8842Q", "cin", "Please check and either amend or provide a reason: Review Record has a missing date",
      tables=("cp_plans",), fields=("CPPreviewDate",), severity="query")
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM cp_plans
      WHERE CPPreviewDate IS NULL AND json_extract_string(_bad, '$.CPPreviewDate') IS NOT NULL"""


def test_8842Q():
    assert flagged(sql, 2024, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate | CPPreviewDate
        1         | 1            | 2023-05-01   | 2023-06-01,2023-07-01
        2         | 1            | 2023-05-01   | !2023-06-31
        3         | 1            | 2023-05-01   |
        4         | 1            | 2023-05-01   | !2023-06-01,soon
        5         | 1            | !2023-05-32  | 2023-06-01
    """) == [3, 5]
