"""903 rule 503D (episodes.PLACE): where last year's return ended with an open episode (the child's final episode
there, by DECOM, has DEC blank), this year's first episode (the earliest DECOM) must have the same placement
type: it is the same episode, carried on. A blank on one side and a value on the other differ. This year's first
episode is flagged. In 2024-25 only, the DfE accepts H5 last year and K3 this year (H5 was withdrawn and K3
introduced that year).

"The open episode at the end of last year" and "the first episode" are defined once in ``_continuity.py``
(where several episodes share the earliest DECOM, one that agrees is enough). A child in only one of the two
returns is not compared. The first episode is compared whether or not it starts the day last year's did (that
is rule 502), as in the DfE's validator.

The DfE's validator also accepts H5 then K3 in 2023-24 (when K3 is not yet a valid code, so no return has it)
and, in 2025-26, Z1 last year then Z11, Z12, Z13 or Z14; the DfE's text it quotes for 2025-26 names only
"[For 2025 only: Except if previous year <PL> = 'H5' and current year <PL> = 'K3']", so casewatch follows the
text: in 2025-26 a Z1 placement recoded to Z11-Z14 is reported, as the DfE's text says it will be."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._continuity import differs_from_open_episode
from casewatch.rules.testing import flagged


@rule("503D", "ssda903", "The placement type in the first episode does not match open episode at end of last year",
      tables=("episodes", "episodes_last"), fields=("PLACE",))
def sql(year: int) -> str:
    renamed = "(l.PLACE = 'H5' AND g.PLACE = 'K3')" if year == 2025 else "false"
    return differs_from_open_episode("PLACE", renamed)


EPISODES = """
    CHILD | DECOM      | PLACE
    1     | 01/06/2023 | U1
    2     | 01/06/2023 | U3
    3     | 01/06/2023 | K3
    4     | 01/06/2023 | Z12
    5     | 01/06/2023 |
    6     | 01/06/2023 | K3
"""

EPISODES_LAST = """
    CHILD | DECOM      | DEC        | PLACE
    1     | 01/06/2023 |            | U1
    2     | 01/06/2023 |            | U1
    3     | 01/06/2023 |            | H5
    4     | 01/06/2023 |            | Z1
    5     | 01/06/2023 |            | U1
    6     | 01/06/2023 |            | H4
"""


def test_503D():
    assert flagged(sql, 2024, episodes=EPISODES, episodes_last=EPISODES_LAST) == [3, 4, 5, 6, 7]
    # 2024-25: H5 then K3 is accepted; H4 then K3 is not
    assert flagged(sql, 2025, episodes=EPISODES, episodes_last=EPISODES_LAST) == [3, 5, 6, 7]
    # 2025-26: Z1 then Z12 is reported (the DfE's text); H5 then K3 no longer accepted
    assert flagged(sql, 2026, episodes=EPISODES, episodes_last=EPISODES_LAST) == [3, 4, 5, 6, 7]
