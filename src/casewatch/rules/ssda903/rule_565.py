"""903 rule 565: A missing episode start date with no missing type."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("565", "ssda903", "The date that the child started to be missing or away from placement without authorisation has been completed but whether the child was missing or away from placement without authorisation has not been completed.", tables=("missing",), fields=("MISSING",))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM missing WHERE MIS_START IS NOT NULL AND MISSING IS NULL"""


def test_565():
    assert flagged(sql, 2024, missing="""
        CHILD | MISSING | MIS_START
        1     |         | 01/05/2023
        2     | M       | 01/05/2023
    """) == [2]
