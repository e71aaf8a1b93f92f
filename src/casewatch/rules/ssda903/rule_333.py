"""903 rule 333: The decision that the child should be placed for adoption must come on or before matching.

Both dates are in AD1: the DfE's text is that where DATE_MATCH is provided, DATE_INT must be provided too
and be on or before DATE_MATCH. (casewatch used to compare DATE_MATCH with PlacedAdoption's DATE_PLACED, a
different decision in a different table.)"""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("333", "ssda903", "Date should be placed for adoption must be on or prior to the date of matching child with adopter(s).", tables=("ad1",), fields=("DATE_INT",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM ad1
       WHERE DATE_MATCH IS NOT NULL AND (DATE_INT IS NULL OR DATE_INT > DATE_MATCH)"""


def test_333():
    assert flagged(sql, 2024, ad1="""
        CHILD | DATE_INT    | DATE_MATCH
        1     | 01/06/2023  | 05/06/2023
        2     | 05/06/2023  | 05/06/2023
        3     | 02/06/2023  |
        4     | 03/06/2023  | 01/06/2023
        5     |             | 05/06/2023
        6     | !31/02/2023 | 05/06/2023
        7     | 01/06/2023  | !yesterday
    """) == [5, 6, 7]


def test_333_ignores_placed_for_adoption():
    assert flagged(sql, 2024, ad1="""
        CHILD | DATE_INT   | DATE_MATCH
        1     | 01/05/2023 | 31/05/2023
    """, placed_adoption="""
        CHILD | DATE_PLACED
        1     | 01/06/2023
    """) == []
