"""903 rule NoE (episodes.DECOM): an episode that started before 1 April of the collection year, for a child
with no episodes at all in last year's return: the child was looked after last year, so last year's return
should hold them. Every such episode is flagged, as in the DfE's validator (normally one per child, the
episode going on at 1 April). A child in last year's Header or care leaver table but not its episodes is
still flagged: it is the episodes that are missing.

NoE is the DfE validator's own code, not one of the DfE's; casewatch keeps it, as it keeps EPI."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("NoE", "ssda903", "This child has no episodes loaded for previous year even though child started to be looked after before this current year.",
      tables=("episodes", "episodes_last"), fields=("DECOM",))
def sql(year: int) -> str:
    start = f"DATE '{int(year) - 1}-04-01'"
    return f"""SELECT e._file, e._row, e.CHILD AS child FROM episodes e
       WHERE e.DECOM < {start} AND e.CHILD IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM episodes_last l WHERE l.CHILD = e.CHILD)"""


def test_NoE():
    assert flagged(sql, 2022, episodes="""
        CHILD | DECOM      | DEC
        101   | 14/03/2021 | 01/06/2021
        101   | 01/06/2021 |
        102   | 08/09/2021 |
        103   | 03/10/2020 | 01/05/2021
        103   | 01/05/2021 |
        104   | 31/03/2021 |
        105   | 01/04/2021 |
        106   |            |
    """, episodes_last="""
        CHILD | DECOM      | DEC
        101   | 14/03/2021 |
        102   | 16/06/2019 | 01/01/2020
    """, header_last="""
        CHILD | DOB
        104   | 01/01/2010
    """) == [5, 7]
    # 101: in last year's return; 102: started in the year; 103: not in last year's return, the episode
    # that started in the year is not flagged; 104: in last year's Header only; 105: starts on 1 April;
    # 106: no start date.
