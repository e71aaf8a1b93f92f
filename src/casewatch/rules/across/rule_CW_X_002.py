"""CW-X-002 (903 episodes, against the case-management extract): a child looked after on 31 March should have a
social worker allocated that day in the case-management system.

Statutory guidance (Care Planning Regulations 2010, and Working Together) gives every looked-after child an
allocated social worker. The 903 says a child was in care at the year end; the CMS extract says who held the
case. A looked-after child with no open allocation is either unallocated (a practice risk a manager must see) or
an extract fault; either way neither return's own validator can see it. A query, not an error. Run only when the
extract's allocations reach 31 March (its earliest start on or before, and an allocation open on or after): an
extract taken for other dates says nothing about that day. Flags the child's episode open on 31 March."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("CW-X-002", "ssda903", "Looked after on 31 March but the case-management extract has no social worker "
      "allocated to this child on that day.", tables=("episodes", "cms.allocations"), fields=("CHILD",),
      severity="query")
def sql(year: int) -> str:
    end = f"DATE '{year}-03-31'"
    open_on = f"start_date <= {end} AND (end_date IS NULL OR end_date >= {end})"
    return f"""SELECT e._file, e._row, e.CHILD AS child FROM episodes e
       WHERE e.DECOM <= {end} AND (e.DEC IS NULL OR e.DEC > {end})
         AND EXISTS (SELECT 1 FROM cms.allocations WHERE {open_on})
         AND e.CHILD NOT IN (SELECT child_id FROM cms.allocations WHERE child_id IS NOT NULL AND {open_on})"""


def test_cw_x_002():
    assert flagged(sql, 2025, episodes="""
        CHILD | DECOM      | DEC
        1     | 01/05/2024 |
        2     | 01/05/2024 | 31/03/2025
        3     | 01/05/2024 | 01/04/2025
        4     | 01/05/2024 |
        5     | 01/04/2025 |
    """, cms__allocations="""
        child_id | worker_id | start_date | end_date
        1        | W1        | 01/05/2024 |
        3        | W1        | 01/05/2024 | 30/03/2025
        4        | W2        | 01/04/2025 |
    """) == [4, 5]  # children 3 (allocation ended 30 March) and 4 (allocated after); 2 left, 5 came later


def test_cw_x_002_says_nothing_when_the_extract_does_not_reach_31_march():
    assert flagged(sql, 2025, episodes="""
        CHILD | DECOM
        1     | 01/05/2024
    """, cms__allocations="""
        child_id | worker_id | start_date | end_date
        2        | W1        | 01/05/2023 | 30/09/2023
    """) == []
