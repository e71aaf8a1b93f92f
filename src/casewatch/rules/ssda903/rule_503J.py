"""903 rule 503J (PL_LOCATION): where last year's return ended with an open episode, this year's first episode
must have the same placement location, IN or OUT of the council's LA, as the DfE derives it from each year's
PL_POST (``_place.py``); a blank against IN or OUT differs, two blanks agree (as in the DfE's validator). It
needs the council's LA (``--council``, or la_code in the case-management extract's council.csv). Shared shape:
``_continuity.differs_from_open_episode``."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._continuity import differs_from_open_episode
from casewatch.rules.ssda903._place import SAMPLE_COUNCIL, SAMPLE_POSTCODES, with_placed
from casewatch.rules.testing import flagged


@rule("503J", "ssda903", "The placement location in first episode does not match open episode at end of last year.",
      tables=("episodes", "episodes_last", "reference.postcodes", "reference.council_la"), fields=("PL_LOCATION",))
def sql(year: int) -> str:
    return with_placed() + differs_from_open_episode("PL_LOCATION")


def test_503J():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | PL_POST
        1     | 01/06/2022 | P   | TW9 1AA
        2     | 01/06/2022 | P   | SW1A 1AA
        3     | 01/06/2022 | P   | TW9 2ZZ
        4     | 01/06/2022 | P   |
        5     | 01/06/2022 | P   | ME1 1AA
        6     | 01/06/2022 | P   | AB1 2CD
    """, episodes_last="""
        CHILD | DECOM      | DEC | RNE | PL_POST
        1     | 01/06/2022 |     | P   | TW9 2ZZ
        2     | 01/06/2022 |     | P   | TR1 1AA
        3     | 01/06/2022 |     | P   | SW1A 1AA
        4     | 01/06/2022 |     | P   | TW9 1AA
        5     | 01/06/2022 |     | P   | JE2 3AA
        6     | 01/06/2022 |     | P   |
    """, reference__postcodes=SAMPLE_POSTCODES, reference__council_la=SAMPLE_COUNCIL) == [4, 5]
    # 1: IN both years; 2: OUT both years, in different LAs; 3: IN against OUT; 4: none against IN;
    # 5: OUT (Kent) against OUT (Jersey); 6: two blanks
