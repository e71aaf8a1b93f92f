"""903 rule 1000: Care leaver information (an OC3 row) for a child who died in care (an episode ending with
REC E2). casewatch judges the current return only; the DfE's validator also looks at last year's episodes,
which a casewatch rule is not given."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("1000", "ssda903", "This child is recorded as having died in care and therefore should not have the care leaver information completed. [NOTE: This only tests the current and previous year data loaded into the tool]", tables=("oc3", "episodes"), fields=("IN_TOUCH",))
def sql(year: int) -> str:
    return """SELECT o._file, o._row, o.CHILD AS child FROM oc3 o
       WHERE EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = o.CHILD AND e.REC = 'E2')"""


def test_1000():
    assert flagged(sql, 2024, oc3="""
        CHILD | IN_TOUCH
        1     | YES
        2     | YES
        3     | YES
    """, episodes="""
        CHILD | DECOM      | DEC        | REC
        1     | 01/04/2023 | 01/06/2023 | E2
        2     | 01/04/2023 | 01/06/2023 | E4A
    """) == [2]
