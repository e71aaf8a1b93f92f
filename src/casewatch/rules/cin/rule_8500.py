"""CIN rule 8500: every <Child> needs its LA child ID; without it nothing in the record can be linked."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8500", "cin", "LA Child ID missing", tables=("child",), fields=("LAchildID",), quarantine=True)
def sql(year: int) -> str:
    return "SELECT _file, _row, LAchildID AS child FROM child WHERE LAchildID IS NULL"


def test_8500():
    assert flagged(sql, 2024, child="""
        LAchildID | Ethnicity
        1         | WBRI
                  | WBRI
        0         |
    """) == [3]
