"""903 rule 583: More than one decision that the child should be placed for adoption, an earlier one not
revoked: every PlacedAdoption row of the child other than the latest (by DATE_PLACED) must have a
DATE_PLACED_CEASED. A query: the DfE asks that both dates be checked (the revoking may be in an earlier
year)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("583", "ssda903", "More than one date the child should be placed for adoption has been reported, but an earlier decision has not been revoked. Check that both dates are required and add in the date the earlier decision was revoked. Note this may be in a previous year.", tables=("placed_adoption",), fields=("DATE_PLACED_CEASED",), severity="query")
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
        SELECT *, row_number() OVER (PARTITION BY CHILD ORDER BY DATE_PLACED DESC NULLS LAST) AS n FROM placed_adoption)
       WHERE n > 1 AND DATE_PLACED_CEASED IS NULL"""


def test_583():
    assert flagged(sql, 2024, placed_adoption="""
        CHILD | DATE_PLACED | DATE_PLACED_CEASED
        1     | 01/04/2023  |
        1     | 01/06/2023  |
        2     | 01/04/2023  | 01/05/2023
        2     | 01/06/2023  |
        3     | 01/06/2023  |
    """) == [2]
