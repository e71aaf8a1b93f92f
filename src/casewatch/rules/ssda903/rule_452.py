"""903 rule 452 (PL_LA): a placement carried on from last year must keep its LA of placement.

Where last year's return ended with an open episode and this year's first episode has the same reason for new
episode (RNE, so the episode carries on: a blank RNE on either side does not), the LA of placement the DfE
derives from each PL_POST (``_place.py``) must be the same; a blank against an LA differs. "The open episode at
the end of last year" and "the first episode" are ``_continuity.py``'s. Rule 503H is the same comparison
whatever the RNE."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._continuity import differs_from_open_episode
from casewatch.rules.ssda903._place import SAMPLE_POSTCODES, with_placed
from casewatch.rules.testing import flagged


@rule("452", "ssda903", "Contradiction between local authority of placement code in the last episode of the previous year and in the first episode of the current year.",
      tables=("episodes", "episodes_last", "reference.postcodes"), fields=("PL_LA",))
def sql(year: int) -> str:
    return with_placed() + differs_from_open_episode("PL_LA", also_same="NOT coalesce(g.RNE = l.RNE, false)")


def test_452():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | PL_POST
        1     | 01/06/2022 | P   | TW9 1AA
        2     | 01/06/2022 | P   | SW1A 1AA
        3     | 01/06/2022 | L   | SW1A 1AA
        4     | 01/06/2022 | P   | TW9 2ZZ
        5     | 01/06/2022 | P   |
        6     | 01/06/2022 |     | SW1A 1AA
        7     | 01/06/2022 | P   | SW1A 1AA
    """, episodes_last="""
        CHILD | DECOM      | DEC        | RNE | PL_POST
        1     | 01/06/2022 |            | P   | tw9 2zz
        2     | 01/06/2022 |            | P   | TW9 1AA
        3     | 01/06/2022 |            | P   | TW9 1AA
        4     | 01/06/2022 | 01/02/2023 | P   | SW1A 1AA
        5     | 01/06/2022 |            | P   | TW9 1AA
        6     | 01/06/2022 |            |     | TW9 1AA
        7     | 01/06/2022 |            | P   | AB1 2CD
    """, reference__postcodes=SAMPLE_POSTCODES) == [3, 6, 8]
    # 1: two postcodes, one LA; 2: another LA; 3: a new RNE, not compared; 4: last year's episode ended; 5: a
    # blank against an LA; 6: blank RNEs are not the same RNE; 7: last year's postcode gave no LA
