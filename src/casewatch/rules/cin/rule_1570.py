"""CIN rule 1570: from 2024-25 an LA child ID is at most 20 characters."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("1570", "cin", "LA Child ID must not be longer than 20 characters", tables=("child",),
      fields=("LAchildID",), since=2025)
def sql(year: int) -> str:
    return "SELECT _file, _row, LAchildID AS child FROM child WHERE length(LAchildID) > 20"


def test_1570():
    assert flagged(sql, 2025, child=f"""
        LAchildID | Ethnicity
        {'X' * 20} | WBRI
        {'X' * 21} | WBRI
        1          | WBRI
                   | WBRI
    """) == [3]
    assert not sql.applies(2024)
