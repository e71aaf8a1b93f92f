"""903 rule 503C (episodes.CIN): where last year's return ended with an open episode (the child's final episode
there, by DECOM, has DEC blank), this year's first episode (the earliest DECOM) must have the same category of
need: it is the same episode, carried on. A blank on one side and a value on the other differ. This year's first
episode is flagged.

"The open episode at the end of last year" and "the first episode" are defined once in ``_continuity.py``
(where several episodes share the earliest DECOM, one that agrees is enough). A child in only one of the two
returns is not compared. The first episode is compared whether or not it starts the day last year's did (that
is rule 502), as in the DfE's validator."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._continuity import differs_from_open_episode
from casewatch.rules.testing import flagged


@rule("503C", "ssda903", "The category of need in the first episode does not match open episode at end of last year.",
      tables=("episodes", "episodes_last"), fields=("CIN",))
def sql(year: int) -> str:
    return differs_from_open_episode("CIN")


def test_503C():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | CIN
        1     | 01/06/2023 | N1
        2     | 01/06/2023 | N1
        3     | 01/06/2023 | N4
        4     | 01/06/2023 |
        5     | 01/06/2023 | N2
        6     | 01/09/2024 | N2
        6     | 01/06/2023 | N1
        7     | 01/06/2023 | N2
        7     | 01/06/2023 | N1
        8     | 01/06/2024 | N2
        10    | 01/01/2024 | N1
    """, episodes_last="""
        CHILD | DECOM      | DEC        | CIN
        1     | 01/06/2023 |            | N1
        2     | 01/06/2023 |            | N2
        3     | 01/06/2023 |            |
        4     | 01/06/2023 |            | N4
        5     | 01/06/2023 | 01/01/2024 | N1
        6     | 01/06/2023 |            | N1
        7     | 01/06/2023 |            | N1
        9     | 01/06/2023 |            | N1
        10    | 01/06/2023 | 01/01/2024 | N1
        10    | 01/01/2024 |            | N2
    """) == [3, 4, 5, 12]
    # 1: the same; 2: differs; 3: blank last year; 4: blank this year; 5: last year's final episode closed;
    # 6: only a later episode differs; 7: of two first episodes on one day, one agrees; 8, 9: in one return
    # only; 10: compared with last year's final (open) episode, not an earlier one that agrees.
