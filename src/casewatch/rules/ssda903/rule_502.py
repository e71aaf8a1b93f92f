"""903 rule 502 (episodes.DECOM): where last year's return ended with an open episode (the child's final
episode there, by DECOM, has DEC blank), this year's first episode (the earliest DECOM) must start the same
day: it is the same episode, carried on. This year's first episode is flagged.

"The open episode at the end of last year" and "the first episode" are defined once in ``_continuity.py``. A
child in only one of the two returns is not compared here (NoE, 562 and 1010 are about those).

The DfE's validator compares this year's first episode with every episode of last year's return that has DEC
blank, not only the final one, so a child whose record last year ended with a closed episode, but who had an
earlier one left open by mistake, is flagged as well; casewatch follows the text ("last year's record ended
with an open episode")."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._continuity import first_episodes, last_final
from casewatch.rules.testing import flagged


@rule("502", "ssda903", "Last year's record ended with an open episode. The date on which that episode started does not match the start date of the first episode on this year’s record.",
      tables=("episodes", "episodes_last"), fields=("DECOM",))
def sql(year: int) -> str:
    return f"""SELECT f._file, f._row, f.CHILD AS child
       FROM {first_episodes()} f JOIN {last_final(open_only=True)} l ON l.CHILD = f.CHILD
       WHERE f._n = 1 AND f.DECOM <> l.DECOM"""


def test_502():
    assert flagged(sql, 2025, episodes="""
        CHILD | DECOM      | DEC
        1     | 01/06/2023 | 01/08/2024
        1     | 01/08/2024 |
        2     | 05/06/2023 |
        3     | 01/05/2024 |
        4     | 08/06/2023 |
        5     | 01/05/2024 |
        6     | 01/01/2024 |
        7     | 01/02/2024 |
        8     | 01/07/2024 |
        8     | 01/07/2024 |
        9     | 01/09/2024 |
        9     | 01/03/2024 |
    """, episodes_last="""
        CHILD | DECOM      | DEC
        1     | 01/06/2023 |
        2     | 09/06/2023 |
        3     | 01/01/2023 | 01/02/2023
        3     | 01/02/2023 |
        3     | 01/03/2023 | 01/03/2024
        4     | 01/01/2023 |
        4     | 08/06/2023 | !31/02/2024
        6     | 01/12/2023 | 31/12/2023
        6     | 01/12/2023 |
        10    | 01/05/2023 |
        8     | 01/06/2024 |
        9     | 01/03/2024 |
    """) == [4, 8, 10]
    # 1: carried on (later episodes do not matter); 2: started 5 June, last year's open one 9 June;
    # 3: last year's record ended closed (an earlier one left open: the DfE's validator flags it);
    # 4: last year's final episode has a DEC that is not a date: not blank, not open;
    # 5, 7: not in last year's return; 6: of two final episodes on 1 December one is open, and this year's
    # first starts 1 January; 8: two first episodes, both wrong, the first listed is flagged;
    # 9: the first episode is the earliest DECOM, not the first listed; 10: not in this year's return.
