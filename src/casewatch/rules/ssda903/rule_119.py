"""903 rule 119: A decision that a child should no longer be placed for adoption needs both its date
(DATE_PLACED_CEASED) and its reason (REASON_PLACED_CEASED): one without the other is flagged. A date cell
that held something unreadable counts as given (the date rules report it)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("119", "ssda903", "If the decision is made that a child should no longer be placed for adoption, then the date of this decision and the reason why this decision was made must be completed.", tables=("placed_adoption",), fields=("REASON_PLACED_CEASED",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM (
        SELECT *, DATE_PLACED_CEASED IS NOT NULL
                  OR json_extract_string(_bad, '$.DATE_PLACED_CEASED') IS NOT NULL AS has_date FROM placed_adoption)
       WHERE has_date <> (REASON_PLACED_CEASED IS NOT NULL)"""


def test_119():
    assert flagged(sql, 2024, placed_adoption="""
        CHILD | DATE_PLACED | DATE_PLACED_CEASED | REASON_PLACED_CEASED
        1     | 01/05/2023  | 22/11/2023         | RD1
        2     | 01/05/2023  | 08/05/2023         |
        3     | 01/05/2023  |                    | RD1
        4     | 01/05/2023  |                    |
        5     | 01/05/2023  | !31/02/2024        | RD4
    """) == [3, 4]
