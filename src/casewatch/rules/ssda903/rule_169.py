"""903 rule 169 (PL_LA): an episode that is not a short break must have an LA of placement.

The DfE derives PL_LA from PL_POST (``_place.py``): the upper-tier LA of a postcode in England; WAL, SCO or NIR
for Wales, Scotland and Northern Ireland. It is missing when PL_POST is blank or not in the postcode directory,
and for a placement in the Channel Islands or the Isle of Man, where the directory names no LA; the DfE's
validator flags those too. LS V3 or V4 (short breaks) need none; a blank LS is not a short break."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._place import SAMPLE_POSTCODES, placed, short_break
from casewatch.rules.testing import flagged


@rule("169", "ssda903", "Local Authority (LA) of placement is not valid or is missing. Please check a valid postcode has been entered.",
      tables=("episodes", "reference.postcodes"), fields=("PL_LA",))
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child FROM {placed()} e
       WHERE e.PL_LA IS NULL AND NOT {short_break()}"""


def test_169():
    assert flagged(sql, 2024, episodes="""
        CHILD | LS | HOME_POST | PL_POST
        1     | C2 | TW9 1AA   | SW1A 1AA
        2     | C2 | TW9 1AA   |
        3     | C2 | TW9 1AA   | AB1 2CD
        4     | V4 |           |
        5     | C2 | TW9 1AA   | cf101aa
        6     |    | TW9 1AA   | JE2 3AA
        7     | C2 |           | ME1 1AA
    """, reference__postcodes=SAMPLE_POSTCODES) == [3, 4, 7]
    # 2: no PL_POST; 3: not in the directory; 4: a short break; 5: Wales (WAL); 6: Jersey, no LA;
    # 7: a Kent district, LA the county, home postcode not needed
