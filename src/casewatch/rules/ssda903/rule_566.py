"""903 rule 566: A missing period with an end date but no missing type (MISSING)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("566", "ssda903", "The date that the child's episode of being missing or away from placement without authorisation ended has been completed but whether the child was missing or away without authorisation has not been completed.", tables=("missing",), fields=("MISSING",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM missing WHERE MIS_END IS NOT NULL AND MISSING IS NULL"""


def test_566():
    assert flagged(sql, 2024, missing="""
        CHILD | MISSING | MIS_START  | MIS_END
        1     |         | 01/05/2023 | 02/05/2023
        2     | M       | 01/05/2023 | 02/05/2023
        3     |         | 01/05/2023 |
    """) == [2]
