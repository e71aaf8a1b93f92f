"""903 rule 1002 (oc3): care leaver information (any of IN_TOUCH, ACTIV, ACCOM) for a young person with no
episode of care in this year's return or last year's. The OC3 row is flagged.

Which young people the two loaded years can judge: the DfE checks against every year it holds, casewatch (like
the DfE's validator, whose message says so) sees two. Care leaver information is for relevant and former
relevant children, who were looked after at some time after their 16th birthday. Where that birthday fell in
last year or this year (from 1 April two years before the 31 March the year ends), that time in care is in one
of the two returns, so a care leaver with no episode in either has none at all: flagged. Where it fell earlier
(most of those aged 18 to 21 at 31 March), they may well have left care before last year: not judged, rather
than reported wrongly. The DfE's validator judges every age, so it reports every care leaver who left care
before last year (all those aged 20 or 21); casewatch follows the DfE's text, "no previous episodes of care",
which two years can only show for the young people above.

The date of birth is the OC3 row's, or the Header's where that is blank; a young person with neither is not
judged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("1002", "ssda903", "This child has no previous episodes of care, therefore should not have care leaver information recorded. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]",
      tables=("oc3", "episodes", "episodes_last", "header"), fields=("IN_TOUCH",))
def sql(year: int) -> str:
    since, end = f"DATE '{int(year) - 2}-04-01'", f"DATE '{int(year)}-03-31'"
    return f"""SELECT o._file, o._row, o.CHILD AS child FROM (
          SELECT *, coalesce(DOB, (SELECT min(h.DOB) FROM header h WHERE h.CHILD = oc3.CHILD))
                    + INTERVAL 16 YEAR AS sixteen FROM oc3) o
       WHERE (o.IN_TOUCH IS NOT NULL OR o.ACTIV IS NOT NULL OR o.ACCOM IS NOT NULL)
         AND o.sixteen >= {since} AND o.sixteen <= {end}
         AND NOT EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = o.CHILD)
         AND NOT EXISTS (SELECT 1 FROM episodes_last l WHERE l.CHILD = o.CHILD)"""


def test_1002():
    assert flagged(sql, 2025, oc3="""
        CHILD | DOB        | IN_TOUCH | ACTIV | ACCOM
        1     | 01/04/2007 | YES      | F1    | S
        2     | 31/03/2007 | YES      | F1    | S
        3     | 31/03/2008 | YES      | F1    | S
        4     | 01/05/2007 | YES      | F1    | S
        5     | 01/05/2007 | YES      | F1    | S
        6     | 01/05/2007 |          |       |
        7     |            |          | F1    |
        8     |            | YES      |       |
        9     | 01/06/2004 | YES      | F1    | S
        10    | 01/04/2009 | YES      | F1    | S
    """, episodes="""
        CHILD | DECOM
        4     | 01/06/2024
    """, episodes_last="""
        CHILD | DECOM      | DEC
        5     | 01/06/2023 | 01/09/2023
    """, header="""
        CHILD | DOB
        7     | 01/10/2007
        8     | 01/10/2006
    """) == [2, 4, 8]
    # 1: 16 on 1 April 2023, the first day of last year; 2: 16 the day before, not judged; 3: 16 on 31 March
    # 2024, the last day of last year; 4, 5: episodes this year, last year; 6: no care leaver information;
    # 7, 8: date of birth from the Header (8 was 16 before last year); 9: aged 20, not judged;
    # 10: 16 after this year (rule 391's error), not judged.
