"""903 rule EPI: a child in the Header with no episodes and no care leaver (OC3) record this year; the Header
row is flagged. A child returned only for the care leaver information needs no episodes, as in the DfE's
validator. casewatch makes it a query, not an error: the DfE words it as a WARNING (its portal asks for the
episodes before validating the child further). A year with no episodes loaded flags every child of the Header
that has no OC3 record, as the DfE's validator does."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("EPI", "ssda903", "WARNING: Episodes need to be loaded for this child before further validation is possible [NOTE: This refers to the DfE portal - here, all checks that can be performed with only the available data will be.]",
      tables=("header", "episodes", "oc3"), fields=("CHILD",), severity="query")
def sql(year: int) -> str:
    return """SELECT h._file, h._row, h.CHILD AS child FROM header h
       WHERE NOT EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = h.CHILD)
         AND NOT EXISTS (SELECT 1 FROM oc3 o WHERE o.CHILD = h.CHILD)"""


def test_EPI():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/04/2010
        2     | 01/04/2010
        3     | 01/04/2005
        4     | 01/04/2010
        5     | 01/04/2006
    """, episodes="""
        CHILD | DECOM
        1     | 01/05/2023
        1     | 01/06/2023
        9     | 01/06/2023
    """, oc3="""
        CHILD | IN_TOUCH
        3     | YES
    """, episodes_last="""
        CHILD | DECOM
        4     | 01/05/2022
    """, oc3_last="""
        CHILD | IN_TOUCH
        5     | YES
    """) == [3, 5, 6]


def test_EPI_no_episodes_loaded():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/04/2010
        2     | 01/04/2005
    """, oc3="""
        CHILD | IN_TOUCH
        2     | NO
    """) == [2]
