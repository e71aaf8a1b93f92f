"""903 rule 567: A missing episode that ends before it starts."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("567", "ssda903", "The date that the missing episode or episode that the child was away from placement without authorisation ended is before the date that it started.", tables=("missing",), fields=("MIS_END",), quarantine=True)
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM missing WHERE MIS_END < MIS_START"""


def test_567():
    assert flagged(sql, 2024, missing="""
        CHILD | MISSING | MIS_START  | MIS_END
        1     | M       | 02/05/2023 | 01/05/2023
        2     | M       | 02/05/2023 | 02/05/2023
    """) == [2]
