"""903 rule 398 (PL_DISTANCE): a short break (LS V3 or V4) should have no distance from home to placement.

The DfE derives PL_DISTANCE from HOME_POST and PL_POST (``_place.py``); a short break needs neither, so it
should have none. casewatch flags a V3/V4 episode whose distance can be derived (both postcodes in the
directory, with grid references), as the text says. The DfE's validator flags one with either postcode given,
which is the distance's source and not the distance: a PL_POST given for a short break is rule 214's."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._place import SAMPLE_POSTCODES, placed, short_break
from casewatch.rules.testing import flagged


@rule("398", "ssda903", "Distance field completed but child looked after under legal status V3 or V4.",
      tables=("episodes", "reference.postcodes"), fields=("PL_DISTANCE",))
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child, CAST(e.PL_DISTANCE AS VARCHAR) AS value
       FROM {placed()} e WHERE e.PL_DISTANCE IS NOT NULL AND {short_break()}"""


def test_398():
    assert flagged(sql, 2024, episodes="""
        CHILD | LS | HOME_POST | PL_POST
        1     | V3 | TW9 1AA   | SW1A 1AA
        2     | V4 | TW9 1AA   |
        3     | V4 | TW9 1AA   | AB1 2CD
        4     | C2 | TW9 1AA   | SW1A 1AA
        5     | V3 |           |
        6     | V4 | TW9 1AA   | TW9 1AA
    """, reference__postcodes=SAMPLE_POSTCODES) == [2, 7]
    # 2: only one postcode; 3: one not in the directory; 4: not a short break; 6: distance 0.0 is a distance
