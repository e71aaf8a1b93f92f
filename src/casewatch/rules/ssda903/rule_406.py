"""903 rule 406 (PL_DISTANCE): an unaccompanied asylum-seeking child, or a former one, should have no distance
from home to placement.

The DfE's text: if the child is or was UASC (this year or either of the two before), PL_DISTANCE should not be
provided. The DfE derives it from HOME_POST and PL_POST (``_place.py``): a UASC child's episode is flagged when
both postcodes are in the directory. Who is UASC: ``_place.uasc_children`` (this year's return: a former UASC
known only from an earlier one is missed, as the DfE's note says)."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._place import SAMPLE_POSTCODES, placed, uasc_children
from casewatch.rules.testing import flagged


@rule("406", "ssda903", "Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should be blank. [NOTE: This check will result in false negatives for children formerly UASC not identified as such in loaded data]",
      tables=("episodes", "header", "uasc", "reference.postcodes"), fields=("PL_DISTANCE",))
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child, CAST(e.PL_DISTANCE AS VARCHAR) AS value
       FROM {placed()} e WHERE e.PL_DISTANCE IS NOT NULL AND e.CHILD IN ({uasc_children()})"""


def test_406():
    assert flagged(sql, 2024, episodes="""
        CHILD | LS | HOME_POST | PL_POST
        1     | C2 | TW9 1AA   | SW1A 1AA
        2     | C2 | TW9 1AA   | SW1A 1AA
        3     | C2 |           | SW1A 1AA
        4     | C2 | TW9 1AA   | SW1A 1AA
        5     | C2 | TW9 1AA   | SW1A 1AA
    """, header="""
        CHILD | UASC
        1     | 0
        2     | 1
        3     | 1
        4     |
    """, uasc="""
        CHILD | DUC
        4     | 01/02/2023
    """, reference__postcodes=SAMPLE_POSTCODES) == [3, 5]
    # 1, 5: not UASC; 2: UASC with a distance; 3: UASC, no home postcode, no distance; 4: former UASC (UASC table)
