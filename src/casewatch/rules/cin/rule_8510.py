"""CIN rule 8510: The same LA child ID twice: the later records cannot be told apart."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8510", "cin", "More than one child record with the same LA Child ID", tables=("child",), fields=("LAchildID",), quarantine=True)
def sql(year: int) -> str:
    return """SELECT _file, _row, LAchildID AS child FROM (SELECT *, row_number() OVER (PARTITION BY LAchildID ORDER BY _row) AS n FROM child) WHERE n > 1 AND LAchildID IS NOT NULL"""


def test_8510():
    assert flagged(sql, 2024, child="""
        LAchildID | Ethnicity
        1         | WBRI
        1         | WBRI
        2         | WBRI
    """) == [3]
