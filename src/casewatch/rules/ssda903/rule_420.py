"""903 rule 420 (PL_LA): a short break (LS V3 or V4) should have no LA of placement.

The DfE derives PL_LA from PL_POST (``_place.py``); a short break needs no placement location, so one whose
PL_POST gives an LA (in England, or WAL, SCO, NIR) is flagged. A PL_POST not in the directory gives none."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._place import SAMPLE_POSTCODES, placed, short_break
from casewatch.rules.testing import flagged


@rule("420", "ssda903", "LA of placement completed but child is looked after under legal status V3 or V4.",
      tables=("episodes", "reference.postcodes"), fields=("PL_LA",))
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child, e.PL_LA AS value FROM {placed()} e
       WHERE e.PL_LA IS NOT NULL AND {short_break()}"""


def test_420():
    assert flagged(sql, 2024, episodes="""
        CHILD | LS | PL_POST
        1     | V3 | TW9 1AA
        2     | V4 | EH1 1AA
        3     | V4 | AB1 2CD
        4     | C2 | TW9 1AA
        5     | V3 |
        6     |    | TW9 1AA
    """, reference__postcodes=SAMPLE_POSTCODES) == [2, 3]
