"""CIN rule 8510: the same LA child ID twice in one return. The first record is kept; the later ones cannot be
told apart from it and are quarantined (as the loader does with any key repeated in one file)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8510", "cin", "More than one child record with the same LA Child ID", tables=("child",),
      fields=("LAchildID",), quarantine=True)
def sql(year: int) -> str:
    return """SELECT _file, _row, LAchildID AS child FROM (
        SELECT _file, _row, LAchildID,
               row_number() OVER (PARTITION BY _file, LAchildID ORDER BY _row) AS n
        FROM child WHERE LAchildID IS NOT NULL)
      WHERE n > 1"""


def test_8510():
    # IDs are compared as written: 01 and 1 are different children; two blank IDs are rule 8500's.
    assert flagged(sql, 2024, child="""
        LAchildID | Ethnicity
        1         | WBRI
        1         | WBRI
        2         | WBRI
        01        | WBRI
                  | WBRI
                  | WBRI
        1         | WBRI
    """) == [3, 8]
