"""903 rule 562 (episodes.DECOM): this year's first episode (the earliest DECOM) started before 1 April, so it
was going on at the end of last year and is the episode continuing from last year's return: last year's final
episode (its latest DECOM) must have started the same day. Flagged (this year's first episode) where last
year's return has no episode for the child, or its final one started on another day.

Last year's final episode is defined in ``_continuity.py``; whether it was left open is not asked here (an end
given last year that this year's return undoes is another matter). A child whose first episode starts on or
after 1 April is not judged, nor one in last year's return only."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._continuity import first_episodes, last_final
from casewatch.rules.testing import flagged


@rule("562", "ssda903", "Episode commenced before the start of the current collection year but there is a missing continuous episode in the previous year.",
      tables=("episodes", "episodes_last"), fields=("DECOM",))
def sql(year: int) -> str:
    start = f"DATE '{int(year) - 1}-04-01'"
    return f"""SELECT f._file, f._row, f.CHILD AS child
       FROM {first_episodes()} f LEFT JOIN {last_final(open_only=False)} l ON l.CHILD = f.CHILD
       WHERE f._n = 1 AND f.DECOM < {start} AND (l.DECOM IS NULL OR l.DECOM <> f.DECOM)"""


def test_562():
    assert flagged(sql, 2025, episodes="""
        CHILD | DECOM      | DEC
        1     | 15/03/2024 | 05/06/2024
        1     | 05/06/2024 |
        2     | 13/03/2024 |
        2     | 08/06/2024 |
        3     | 01/01/2024 |
        4     | 01/04/2024 |
        5     | 31/03/2024 |
        6     | 01/02/2024 |
        7     | 01/06/2023 |
    """, episodes_last="""
        CHILD | DECOM      | DEC
        1     | 01/06/2022 | 05/06/2022
        1     | 15/03/2024 |
        2     | 01/02/2024 | 11/03/2024
        2     | 11/03/2024 |
        2     | 12/03/2024 |
        4     | 01/01/2024 |
        6     | 01/02/2024 | 01/03/2024
        7     | 01/06/2023 | 01/09/2023
        7     | 01/09/2023 |
        8     | 01/05/2023 |
    """) == [4, 6, 8, 10]
    # 1: continues last year's final episode; 2: last year's final episode (12 March) is not this one;
    # 3, 5: not in last year's return (5 starts on 31 March, the last day before the year); 4: starts on
    # 1 April, in this year; 6: last year's final episode, though it had ended, started that day;
    # 7: an episode last year started that day but was not the final one; 8: last year's return only.
