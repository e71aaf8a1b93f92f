"""CIN rule 8842Q: a child protection plan's <Reviews> group holds valid review dates.

DfE text: where a <Reviews> group is present, a valid <CPPreviewDate> (N00116) should be present within the
group. Flagged: a plan with a <Reviews> group in which no CPPreviewDate holds a value (a blank
<CPPreviewDate/> alone, or an empty <Reviews/>: the reader counts such groups in ``ReviewsWithoutDate``, as
blanks are dropped from the typed CPPreviewDate list), and a plan with a review date that is present but not
a date (the list is NULL and ``_bad`` keeps the text; CW-TYPE also reports it). A blank beside a valid date in
the same group is not flagged: the group has its valid date. The DfE validator reads only a group's first
date, so it flags a blank first date followed by valid ones and misses a blank after a valid one.
"""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8842Q", "cin", "Please check and either amend or provide a reason: Review Record has a missing date",
      tables=("cp_plans",), fields=("CPPreviewDate",), severity="query")
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM cp_plans
      WHERE ReviewsWithoutDate > 0
         OR (CPPreviewDate IS NULL AND json_extract_string(_bad, '$.CPPreviewDate') IS NOT NULL)"""


def test_8842Q():
    assert flagged(sql, 2024, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate | CPPreviewDate          | ReviewsWithoutDate
        1         | 1            | 2023-05-01   | 2023-06-01,2023-07-01  | 0
        2         | 1            | 2023-05-01   | !2023-06-31            | 0
        3         | 1            | 2023-05-01   |                        |
        4         | 1            | 2023-05-01   | !2023-06-01,soon       | 0
        5         | 1            | !2023-05-32  | 2023-06-01             | 0
        6         | 1            | 2023-05-01   |                        | 1
        7         | 1            | 2023-05-01   | 2023-06-01             | 1
        8         | 1            | 2023-05-01   | 2023-06-01             | 0
    """) == [3, 5, 7, 8]
    # child 6: a <Reviews> with only a blank date; 7: two <Reviews> groups (the XSD allows one), one with no
    # date; 8: a blank beside a valid date in one group, which the reader does not count
