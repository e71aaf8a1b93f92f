"""903 rule 1010 (oc3): care leaver information (any of IN_TOUCH, ACTIV, ACCOM) for a young person with no
episodes in this year's return although last year's return ended with an open episode for them (their final
episode there, by DECOM, has DEC blank): they were still looked after at 31 March last year, so this year's
return must say when that episode ended. The OC3 row is flagged.

"The open episode at the end of last year" is defined in ``_continuity.py``: an episode left open earlier in
last year's record, followed by a later one, does not count, nor one whose DEC holds something that is not a
date. The DfE's validator flags the OC3 row whatever it holds; casewatch only where care leaver information is
given, as the message says ("care leaver data has been entered") and as its other care leaver rules do."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._continuity import last_final
from casewatch.rules.testing import flagged


@rule("1010", "ssda903", "This child has no episodes loaded for current year even though there was an open episode of care at the end of the previous year, and care leaver data has been entered.",
      tables=("oc3", "episodes", "episodes_last"), fields=("IN_TOUCH",))
def sql(year: int) -> str:
    return f"""SELECT o._file, o._row, o.CHILD AS child FROM oc3 o
       WHERE (o.IN_TOUCH IS NOT NULL OR o.ACTIV IS NOT NULL OR o.ACCOM IS NOT NULL)
         AND EXISTS (SELECT 1 FROM {last_final(open_only=True)} l WHERE l.CHILD = o.CHILD)
         AND NOT EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = o.CHILD)"""


def test_1010():
    assert flagged(sql, 2022, oc3="""
        CHILD | IN_TOUCH | ACTIV | ACCOM
        101   | YES      | F1    | S
        102   | YES      | F1    | S
        103   | YES      | F1    | S
        104   |          | G4    |
        105   |          |       |
        106   | YES      | F1    | S
        107   | YES      | F1    | S
    """, episodes="""
        CHILD | DECOM      | DEC
        101   | 11/11/2020 | 20/05/2021
    """, episodes_last="""
        CHILD | DECOM      | DEC
        101   | 01/01/2020 | 20/06/2020
        101   | 11/11/2020 |
        102   | 03/10/2020 |
        102   | 11/11/2020 | 14/03/2021
        103   | 01/01/2020 | 01/01/2020
        103   | 11/11/2020 |
        103   | 01/02/2020 | 01/05/2020
        104   | 01/06/2020 |
        105   | 01/06/2020 |
        106   | 01/06/2020 | !32/03/2021
        107   | 01/06/2020 | 31/03/2021
    """) == [4, 5]
    # 101: has episodes this year; 102: the open episode was not the final one; 103: final (by DECOM, not
    # the last listed) is open; 104: open, one care leaver item given; 105: no care leaver information;
    # 106: a DEC that is not a date is not blank; 107: ended on 31 March last year.
