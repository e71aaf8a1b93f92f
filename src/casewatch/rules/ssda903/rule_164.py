"""903 rule 164 (PL_DISTANCE): the distance from home to placement must be between 0.0 and 999.9 miles.

The DfE's text: unless the child is or was UASC (this year or either of the two before) or LS is V3 or V4,
PL_DISTANCE, which the DfE derives from HOME_POST and PL_POST, must be between 0.0 and 999.9. The distance is
derived as the DfE does (``_place.py``); a blank distance is rule 392a's. The DfE's validator does not leave out
V3/V4 episodes; casewatch follows the text. Between two postcodes of the directory the distance cannot exceed
999.9 miles, so this fires only on a bad grid reference in the directory itself."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._place import SAMPLE_POSTCODES, placed, short_break, uasc_children
from casewatch.rules.testing import flagged


@rule("164", "ssda903", "Distance is not valid. Please check a valid postcode has been entered. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]",
      tables=("episodes", "header", "uasc", "reference.postcodes"), fields=("PL_DISTANCE",))
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child, CAST(e.PL_DISTANCE AS VARCHAR) AS value
       FROM {placed()} e
       WHERE (e.PL_DISTANCE < 0 OR e.PL_DISTANCE > 999.9) AND NOT {short_break()}
         AND e.CHILD NOT IN ({uasc_children()})"""


def test_164():
    assert flagged(sql, 2024, episodes="""
        CHILD | LS | HOME_POST | PL_POST
        1     | C2 | TW9 1AA   | SW1A 1AA
        2     | C2 | TW9 1AA   | XX9 9XX
        3     | V3 | TW9 1AA   | XX9 9XX
        4     | C2 | TW9 1AA   | XX9 9XX
        5     | C2 | TW9 1AA   | ZE1 0AA
        6     | C2 | TW9 1AA   |
        7     |    | xx99xx    | tw91aa
    """, uasc="""
        CHILD | DUC
        4     | 01/06/2023
    """, reference__postcodes=SAMPLE_POSTCODES) == [3, 8]
    # 2: 1242.8 miles (a bad grid reference); 3: a short break; 4: a former UASC; 5: 601.9 miles; 6: no
    # distance; 7: found whatever the case and spacing, LS blank is not a short break
