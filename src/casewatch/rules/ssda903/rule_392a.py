"""903 rule 392a (PL_DISTANCE): a looked-after child's episode must have a distance from home to placement.

The DfE's text: unless the child is or was UASC (this year or either of the two before) or LS is V3 or V4,
PL_DISTANCE must be provided. The DfE derives it from HOME_POST and PL_POST (``_place.py``), so it is missing
when either postcode is blank, not in the postcode directory, or has no grid reference there (Channel Islands,
Isle of Man). A blank LS is not a short break. Who is UASC: ``_place.uasc_children``."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._place import SAMPLE_POSTCODES, placed, short_break, uasc_children
from casewatch.rules.testing import flagged


@rule("392a", "ssda903", "Child is looked after but no distance is recorded. [NOTE: This check may result in false positives for children formerly UASC]",
      tables=("episodes", "header", "uasc", "reference.postcodes"), fields=("PL_DISTANCE",))
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child FROM {placed()} e
       WHERE e.PL_DISTANCE IS NULL AND NOT {short_break()} AND e.CHILD NOT IN ({uasc_children()})"""


def test_392a():
    assert flagged(sql, 2024, episodes="""
        CHILD | LS | HOME_POST | PL_POST
        1     | C2 | TW9 1AA   | SW1A 1AA
        2     | C2 |           | SW1A 1AA
        3     | C2 | TW9 1AA   | SW1A 9ZZ
        4     | V3 |           |
        5     | C2 |           |
        6     | C2 |           |
        7     |    | TW9 1AA   | JE2 3AA
        8     | C2 | TW9 1AA   | TW9 1AA
    """, header="""
        CHILD | UASC
        5     | 1
        6     | 0
    """, reference__postcodes=SAMPLE_POSTCODES) == [3, 4, 7, 8]
    # 2: no home postcode; 3: placement postcode not in the directory; 4: a short break; 5: UASC; 6: not UASC;
    # 7: Jersey has no grid reference; 8: the same postcode, distance 0.0
