"""CIN rule 100: the header's <ReferenceDate> (N00603) is present and is 31 March of the collection year.

The header is staged as ``cin.header`` (one row per file, ``_row`` the line of <Header>). The collection year
compared with is the year the file is validated as (``--year``, else the header's <Year>); an unreadable
ReferenceDate is typed NULL, so it is flagged as missing.
"""

from casewatch.rules.cin._census import ref
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged, issues


@rule("100", "cin", "Reference Date is incorrect", tables=("header",), fields=("ReferenceDate",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row FROM header
      WHERE ReferenceDate IS NULL OR ReferenceDate <> {ref(year)}"""


def test_100():
    assert flagged(sql, 2025, header="""
        Year | ReferenceDate
        2025 | 2025-03-31
    """) == []
    for wrong in ("2024-03-31", "2025-03-30", "2025-04-01", "", "!2025-02-30"):
        found = issues(sql, 2025, header=f"Year | ReferenceDate\n2025 | {wrong}")
        assert [(i.rule, i.table, i.row, i.field) for i in found] == [("100", "header", 2, "ReferenceDate")]
    assert flagged(sql, 2024, header="Year | ReferenceDate\n2024 | 2024-03-31") == []
