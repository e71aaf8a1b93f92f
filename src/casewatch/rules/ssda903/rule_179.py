"""903 rule 179 (PL_LOCATION): an episode that is not a short break must have a placement location.

The DfE derives PL_LOCATION from PL_POST (``_place.py``): IN the council's own LA or OUT of it. It is blank only
when PL_POST is blank or not in the postcode directory, so this rule does not need to know the council's LA.
LS V3 or V4 (short breaks) need none; a blank LS is not a short break."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._place import SAMPLE_POSTCODES, placed, short_break
from casewatch.rules.testing import flagged


@rule("179", "ssda903", "Placement location code is not a valid code.",
      tables=("episodes", "reference.postcodes"), fields=("PL_LOCATION",))
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child FROM {placed()} e
       WHERE e.PL_LOCATION IS NULL AND NOT {short_break()}"""


def test_179():
    assert flagged(sql, 2024, episodes="""
        CHILD | LS | PL_POST
        1     | C2 | SW1A 1AA
        2     | C2 |
        3     | C2 | SW1A 1AB
        4     | V3 |
        5     | V3 | nowhere
        6     | C2 | JE2 3AA
        7     |    | TW9 2ZZ
    """, reference__postcodes=SAMPLE_POSTCODES) == [3, 4]
    # 2: no PL_POST; 3: not in the directory; 4, 5: short breaks; 6: Jersey is OUT; 7: IN or OUT, found
