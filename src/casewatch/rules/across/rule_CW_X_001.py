"""CW-X-001 (903 header, against the CIN census): a child looked after during the year is a child in need, so the
CIN census for the same year should hold a CIN episode for them that was open at some point in the year.

The DfE's CIN census guide: the census covers every child referred to children's social care, "including
children looked after". The two returns are validated separately, so a looked-after child the case-management
system left out of the CIN extract (a filter on the referral, an ID typed differently) is caught by neither
validator. Matched on the child's ID (CHILD = LAchildID), as the council's own system writes both; a query, not
an error, because a council may legitimately hold a different ID in each. Short-break-only children (V3/V4) are
children in need too and are included. One issue per child, on their header row."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("CW-X-001", "ssda903", "Looked after during the year but the CIN census for the year has no CIN episode for "
      "this child (a looked-after child is a child in need).", tables=("header", "episodes", "cin.cin_details"),
      fields=("CHILD",), severity="query")
def sql(year: int) -> str:
    start, end = f"DATE '{year - 1}-04-01'", f"DATE '{year}-03-31'"
    return f"""SELECT h._file, h._row, h.CHILD AS child FROM header h
       WHERE h.CHILD IN (SELECT CHILD FROM episodes WHERE DECOM <= {end} AND (DEC IS NULL OR DEC >= {start}))
         AND h.CHILD NOT IN (SELECT LAchildID FROM cin.cin_details WHERE _year = {int(year)} AND LAchildID IS NOT NULL
                             AND coalesce(CINreferralDate <= {end}, true)
                             AND (CINclosureDate IS NULL OR CINclosureDate >= {start}))"""


def test_cw_x_001():
    assert flagged(sql, 2025, header="""
        CHILD
        1
        2
        3
        4
        5
    """, episodes="""
        CHILD | DECOM      | DEC
        1     | 01/05/2024 |
        2     | 01/05/2024 | 01/06/2024
        3     | 01/05/2023 | 01/03/2024
        4     | 01/05/2024 |
        5     | 01/05/2024 |
    """, cin__cin_details="""
        LAchildID | CINreferralDate | CINclosureDate
        1         | 01/04/2024      |
        2         | 01/01/2020      | 01/03/2024
        4         | 01/04/2025      |
    """) == [3, 5, 6]  # children 2 (CIN closed before the year), 4 (referred after it), 5 (no CIN); 3 not in care


def test_cw_x_001_needs_the_cin_census_loaded():
    import duckdb

    from casewatch.returns.core import ReturnFile
    from casewatch.returns.stage import stage
    from casewatch.rules.run import run_rules

    f = ReturnFile("h.csv", "ssda903", 2025, records=1)
    f.builder("ssda903.header").add(2, {"CHILD": "1"})
    f.builder("ssda903.episodes").add(2, {"CHILD": "1", "DECOM": "01/05/2024"})
    con = duckdb.connect()
    stage(con, [f])
    run = run_rules(con, ("ssda903",))
    assert ("ssda903", "CW-X-001", 2025, "needs the cin return") in run.skipped
    assert "CW-X-001" not in {i.rule for i in run.issues}
