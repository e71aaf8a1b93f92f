"""903 rule 199: an episode of a child who had already been adopted from care: an episode that started after
(by DECOM) an episode of the same child ending with adoption (REC E11 or E12), in this year's return or last
year's. This year's episode is flagged: every one after the adoption, itself an adoption or not.

As the DfE's note says, only the current and last year's returns are looked at (the DfE holds all earlier
years). The rule compares with last year's episodes, so casewatch runs it only when last year's return is
loaded with this year's (otherwise it is listed as not run); the DfE's validator then checks this year's
episodes alone.

An episode with the same DECOM as the adoption episode is not flagged (the DfE's validator sorts such ties in
no set order, so flags one of two copies of an adoption episode or not by chance; two rows of one episode are
the duplicate-episode rules' business); an episode without a DECOM is not judged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("199", "ssda903", "Episode information shows child has been previously adopted from care. [NOTE: This only tests the current and previous year data loaded into the tool]",
      tables=("episodes", "episodes_last"), fields=("CHILD",))
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM episodes e
       WHERE EXISTS (
          SELECT 1 FROM (SELECT CHILD, DECOM, REC FROM episodes
                         UNION ALL SELECT CHILD, DECOM, REC FROM episodes_last) a
          WHERE a.CHILD = e.CHILD AND a.REC IN ('E11', 'E12') AND a.DECOM < e.DECOM)"""


def test_199():
    assert flagged(sql, 2024, episodes_last="""
        CHILD | DECOM      | DEC        | REC
        1     | 15/06/2016 | 20/12/2022 | E11
        2     | 08/10/2017 | 03/03/2018 | E4A
        3     | 11/05/2015 | 07/04/2022 | E12
        7     | 26/11/2017 |            |
    """, episodes="""
        CHILD | DECOM      | DEC        | REC
        1     | 19/07/2023 | 02/03/2024 | E13
        3     | 16/04/2023 |            |
        2     | 16/04/2023 |            |
        5     | 02/05/2023 | 03/05/2023 | X1
        5     | 03/05/2023 | 04/06/2023 | E11
        5     | 03/12/2023 | 04/12/2023 | E11
        5     | 12/12/2023 |            |
        7     | 26/11/2017 | 04/12/2023 | E12
        7     | 04/12/2023 |            |
        7     | 26/11/2017 | 04/12/2023 | E12
        8     |            |            | E11
        8     |            |            |
        9     | 01/06/2023 | 01/07/2023 | E11
        9     | 01/05/2023 | 01/06/2023 | X1
    """) == [2, 3, 7, 8, 10]
