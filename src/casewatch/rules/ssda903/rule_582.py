"""903 rule 582: A child adopted (REC E11 or E12) on the day they were matched with the adopters (AD1
DATE_MATCH = DEC). A query, not an error: the DfE expects matching to come before adoption "in most
circumstances". The episode is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("582", "ssda903", "Child is showing as ceasing to be looked after due to adoption, but the date of adoption is the same as the date reported for being matched with adopters. In most circumstances we expect the date the child is matched with adopters to be before the date of adoption.", tables=("episodes", "ad1"), fields=("DEC",), severity="query")
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM episodes e
       WHERE e.REC IN ('E11', 'E12') AND EXISTS (SELECT 1 FROM ad1 a WHERE a.CHILD = e.CHILD AND a.DATE_MATCH = e.DEC)"""


def test_582():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | REC
        1     | 01/04/2023 | 01/06/2023 | E11
        2     | 01/04/2023 | 01/06/2023 | E12
        3     | 01/04/2023 | 01/06/2023 | E4A
    """, ad1="""
        CHILD | DATE_MATCH
        1     | 01/06/2023
        2     | 01/05/2023
        3     | 01/06/2023
    """) == [2]
