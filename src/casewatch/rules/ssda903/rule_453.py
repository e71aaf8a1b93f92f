"""903 rule 453 (PL_DISTANCE): a placement carried on from last year must keep its distance from home.

Where last year's return ended with an open episode and this year's first episode has the same reason for new
episode (RNE; a blank RNE on either side is not the same), the distances the DfE derives from each year's
postcodes (``_place.py``) must not differ by 0.2 miles or more; a blank against a distance differs. The DfE's
validator flags a distance this year against a blank last year, but not the reverse (its code tests the first
twice where the second was plainly meant); casewatch flags both, a contradiction either way. "The open episode at the end of last year" and "the first episode": ``_continuity.py``;
the tolerance: ``_place.distance_differs``. Rule 503G is the same comparison whatever the RNE."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._continuity import differs_from_open_episode
from casewatch.rules.ssda903._place import SAMPLE_POSTCODES, distance_differs, with_placed
from casewatch.rules.testing import flagged


@rule("453", "ssda903", "Contradiction between placement distance in the last episode of the previous year and in the first episode of the current year.",
      tables=("episodes", "episodes_last", "reference.postcodes"), fields=("PL_DISTANCE",))
def sql(year: int) -> str:
    return with_placed() + differs_from_open_episode(
        "PL_DISTANCE", also_same=f"NOT {distance_differs()} OR NOT coalesce(g.RNE = l.RNE, false)")


def test_453():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | HOME_POST | PL_POST
        1     | 01/06/2022 | P   | TW9 1AA   | SW1A 1AA
        2     | 01/06/2022 | P   | TW9 2ZZ   | SW1A 1AA
        3     | 01/06/2022 | P   | TW9 3AA   | SW1A 1AA
        4     | 01/06/2022 | P   | TW9 4AA   | SW1A 1AA
        5     | 01/06/2022 | L   | TW9 1AA   | ME1 1AA
        6     | 01/06/2022 | P   | TW9 1AA   |
        7     | 01/06/2022 | P   | TW9 1AA   | SW1A 1AA
        8     | 01/06/2022 | P   | TW9 1AA   | ME1 1AA
    """, episodes_last="""
        CHILD | DECOM      | DEC        | RNE | HOME_POST | PL_POST
        1     | 01/06/2022 |            | P   | tw91aa    | SW1A 1AA
        2     | 01/06/2022 |            | P   | TW9 1AA   | SW1A 1AA
        3     | 01/06/2022 |            | P   | TW9 1AA   | SW1A 1AA
        4     | 01/06/2022 |            | P   | TW9 1AA   | SW1A 1AA
        5     | 01/06/2022 |            | P   | TW9 1AA   | SW1A 1AA
        6     | 01/06/2022 |            | P   | TW9 1AA   | SW1A 1AA
        7     | 01/06/2022 |            | P   |           | SW1A 1AA
        8     | 01/06/2022 | 01/03/2023 | P   | TW9 1AA   | SW1A 1AA
    """, reference__postcodes=SAMPLE_POSTCODES) == [3, 4, 7, 8]
    # 1: the same; 2: 7.2 against 7.5 miles; 3: 7.3 against 7.5, 0.2 apart; 4: 7.4, within 0.2; 5: a new RNE;
    # 6: none this year against 7.5; 7: 7.5 this year against none; 8: last year's episode ended
