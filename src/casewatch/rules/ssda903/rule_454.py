"""903 rule 454 (PL_DISTANCE), from 2025-26: a placement over 350 miles from home.

The distance is the one the DfE derives from HOME_POST and PL_POST (``_place.py``); 999.9 (which the DfE's
validator leaves out) cannot be derived. The DfE's note says the check gives false positives for former UASC
children not identified as such in the data loaded: so those identified are left out (``_place.uasc_children``),
as for rule 164 whose note it repeats. The DfE's validator leaves no one out; casewatch follows the note."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._place import SAMPLE_POSTCODES, placed, uasc_children
from casewatch.rules.testing import flagged


@rule("454", "ssda903", "Placement distance from home is over 350 miles. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]",
      tables=("episodes", "header", "uasc", "reference.postcodes"), fields=("PL_DISTANCE",), since=2026)
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child, CAST(e.PL_DISTANCE AS VARCHAR) AS value
       FROM {placed()} e
       WHERE e.PL_DISTANCE > 350 AND e.PL_DISTANCE <> 999.9 AND e.CHILD NOT IN ({uasc_children()})"""


def test_454():
    assert flagged(sql, 2026, episodes="""
        CHILD | LS | HOME_POST | PL_POST
        1     | C2 | TW9 1AA   | ZE1 0AA
        2     | C2 | TW9 1AA   | ME1 1AA
        3     | C2 | TW9 1AA   | ZE1 0AA
        4     | V3 | TW9 1AA   | ZE1 0AA
        5     | C2 |           | ZE1 0AA
    """, uasc="""
        CHILD | DUC
        3     |
    """, reference__postcodes=SAMPLE_POSTCODES) == [2, 5]
    # 1: 601.9 miles; 2: 35.1; 3: UASC; 4: a short break is not left out; 5: no home postcode, no distance
