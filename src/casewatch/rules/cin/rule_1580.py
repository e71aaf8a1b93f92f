"""CIN rule 1580: from 2024-25 an LA child ID holds letters and digits only (no spaces, hyphens, slashes...)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("1580", "cin", "LA Child ID must not contain any non-alphanumeric characters", tables=("child",),
      fields=("LAchildID",), since=2025)
def sql(year: int) -> str:
    return "SELECT _file, _row, LAchildID AS child FROM child WHERE NOT regexp_full_match(LAchildID, '[A-Za-z0-9]+')"


def test_1580():
    assert flagged(sql, 2025, child="""
        LAchildID | Ethnicity
        AB12      | WBRI
        AB-12     | WBRI
        AB 12     | WBRI
        AB12;     | WBRI
                  | WBRI
        é12       | WBRI
    """) == [3, 4, 5, 7]
    assert not sql.applies(2024)
