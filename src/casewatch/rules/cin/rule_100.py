"""CIN rule 100: the header's <ReferenceDate> (N00603) is present and is 31 March of the collection year.

The check needs the <Header> as a staging table, ``cin.header`` (``HEADER`` below: one row per file, ``_row``
the line of <Header>). Until the CIN reader stages it (it reads the ReferenceDate into ``ReturnFile.extra`` and
stages nothing of the header), the table does not exist and this rule selects nothing: it checks what the
staging holds and raises no false alarm. The collection year compared with is the year the file is validated
as (``--year``, else the header's <Year>); an unreadable ReferenceDate is typed NULL, so it is flagged as missing.
"""

from contextlib import contextmanager

from casewatch.returns.staging import STAGING, Field, StagingTable
from casewatch.rules.cin._census import ref
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged, issues

HEADER = StagingTable("cin", "header", (Field("Year", "INTEGER"), Field("ReferenceDate", "DATE"),
                                        Field("LEA", "VARCHAR")))


@rule("100", "cin", "Reference Date is incorrect", tables=("header",), fields=("ReferenceDate",))
def sql(year: int) -> str:
    if HEADER.qualified not in STAGING:  # the header is not staged (yet): nothing to check
        return "SELECT NULL::VARCHAR AS _file, NULL::BIGINT AS _row WHERE false"
    return f"""SELECT _file, _row FROM header
      WHERE ReferenceDate IS NULL OR ReferenceDate <> {ref(year)}"""


@contextmanager
def _staged_header():
    """The test stages ``cin.header`` as the reader will, and leaves the registry as it found it."""
    had = STAGING.get(HEADER.qualified)
    STAGING[HEADER.qualified] = had or HEADER
    try:
        yield
    finally:
        if had is None:
            del STAGING[HEADER.qualified]


def test_100():
    with _staged_header():
        assert flagged(sql, 2025, header="""
            Year | ReferenceDate
            2025 | 2025-03-31
        """) == []
        for wrong in ("2024-03-31", "2025-03-30", "2025-04-01", "", "!2025-02-30"):
            found = issues(sql, 2025, header=f"Year | ReferenceDate\n2025 | {wrong}")
            assert [(i.rule, i.table, i.row, i.field) for i in found] == [("100", "header", 2, "ReferenceDate")]
        assert flagged(sql, 2024, header="Year | ReferenceDate\n2024 | 2024-03-31") == []
    if HEADER.qualified not in STAGING:
        assert issues(sql, 2025, child="LAchildID\n1") == []
