"""903 rule 503G (PL_DISTANCE): where last year's return ended with an open episode, this year's first episode
must have the same distance from home: the one the DfE derives from each year's postcodes (``_place.py``),
within 0.2 miles (``_place.distance_differs``); a blank against a distance differs, either way round (the
DfE's validator flags only a distance this year against a blank last year: its code tests that twice where
the reverse was plainly meant). Shared shape: ``_continuity.differs_from_open_episode``; rule 453 is the same
comparison where the RNE is the same."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._continuity import differs_from_open_episode
from casewatch.rules.ssda903._place import SAMPLE_POSTCODES, distance_differs, with_placed
from casewatch.rules.testing import flagged


@rule("503G", "ssda903", "The distance in first episode does not match open episode at end of last year.",
      tables=("episodes", "episodes_last", "reference.postcodes"), fields=("PL_DISTANCE",))
def sql(year: int) -> str:
    return with_placed() + differs_from_open_episode("PL_DISTANCE", also_same=f"NOT {distance_differs()}")


def test_503G():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | HOME_POST | PL_POST
        1     | 01/06/2022 | P   | TW9 1AA   | SW1A 1AA
        2     | 01/06/2022 | L   | TW9 2ZZ   | SW1A 1AA
        3     | 01/06/2022 | P   | TW9 4AA   | SW1A 1AA
        4     | 01/06/2022 | P   |           | SW1A 1AA
        5     | 01/06/2022 | P   | TW9 1AA   | ME1 1AA
        5     | 01/06/2022 | P   | TW9 1AA   | SW1A 1AA
        6     | 01/06/2022 | P   | TW9 1AA   | ME1 1AA
    """, episodes_last="""
        CHILD | DECOM      | DEC        | RNE | HOME_POST | PL_POST
        1     | 01/06/2022 |            | P   | TW9 1AA   | SW1A 1AA
        2     | 01/06/2022 |            | P   | TW9 1AA   | SW1A 1AA
        3     | 01/06/2022 |            | P   | TW9 1AA   | SW1A 1AA
        4     | 01/06/2022 |            | P   | TW9 1AA   | SW1A 1AA
        5     | 01/06/2022 |            | P   | TW9 1AA   | SW1A 1AA
        6     | 01/06/2022 | 01/01/2023 | P   | TW9 1AA   | SW1A 1AA
    """, reference__postcodes=SAMPLE_POSTCODES) == [3, 5]
    # 1: the same; 2: 7.2 against 7.5, whatever the RNE; 3: 7.4, within 0.2; 4: none against 7.5; 5: of two first
    # episodes on one day, one agrees; 6: last year's episode ended
