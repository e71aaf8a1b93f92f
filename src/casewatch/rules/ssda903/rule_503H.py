"""903 rule 503H (PL_LA): where last year's return ended with an open episode, this year's first episode must
have the same LA of placement: the one the DfE derives from each year's PL_POST (``_place.py``); a blank
against an LA differs, two blanks agree (as in the DfE's validator). Shared shape:
``_continuity.differs_from_open_episode``; rule 452 is the same comparison where the RNE is the same."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._continuity import differs_from_open_episode
from casewatch.rules.ssda903._place import SAMPLE_POSTCODES, with_placed
from casewatch.rules.testing import flagged


@rule("503H", "ssda903", "The placement LA in first episode does not match open episode at end of last year.",
      tables=("episodes", "episodes_last", "reference.postcodes"), fields=("PL_LA",))
def sql(year: int) -> str:
    return with_placed() + differs_from_open_episode("PL_LA")


def test_503H():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | PL_POST
        1     | 01/06/2022 | P   | TW9 1AA
        2     | 01/06/2022 | L   | SW1A 1AA
        3     | 01/06/2022 | P   | AB1 2CD
        4     | 01/06/2022 | P   |
        5     | 01/06/2022 | P   | CF10 1AA
        6     | 01/06/2022 | P   | SW1A 1AA
    """, episodes_last="""
        CHILD | DECOM      | DEC        | RNE | PL_POST
        1     | 01/06/2022 |            | P   | TW9 2ZZ
        2     | 01/06/2022 |            | P   | TW9 1AA
        3     | 01/06/2022 |            | P   | TW9 1AA
        4     | 01/06/2022 |            | P   | AB1 2CD
        5     | 01/06/2022 |            | P   | EH1 1AA
        6     | 01/06/2022 | 01/01/2023 | P   | TW9 1AA
    """, reference__postcodes=SAMPLE_POSTCODES) == [3, 4, 6]
    # 1: one LA; 2: another, whatever the RNE; 3: not in the directory this year; 4: no LA either year;
    # 5: WAL against SCO; 6: last year's episode ended
