"""903 rule 1012: Rows of PlacedAdoption, Missing, Reviews, AD1, PrevPerm or OC2 for a child with no
episodes in the return (an OC3-only care leaver). Each such row is flagged in its own table."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import issues

TABLES = ("placed_adoption", "missing", "reviews", "ad1", "prev_perm", "oc2")


@rule("1012", "ssda903", "No other data should be returned for OC3 children who had no episodes in the current year", tables=("episodes",) + TABLES, fields=("CHILD",))
def sql(year: int) -> str:
    return "\nUNION ALL\n".join(
        f"""SELECT _file, _row, CHILD AS child, '{t}' AS _table FROM {t}
            WHERE CHILD NOT IN (SELECT CHILD FROM episodes WHERE CHILD IS NOT NULL)""" for t in TABLES)


def test_1012():
    found = issues(sql, 2024, episodes="""
        CHILD | DECOM
        1     | 01/05/2023
    """, missing="""
        CHILD | MISSING | MIS_START
        1     | M       | 10/05/2023
        2     | M       | 10/05/2023
    """, oc2="""
        CHILD | CONVICTED
        2     | 0
    """, reviews="""
        CHILD | REVIEW
        1     | 10/06/2023
    """)
    assert sorted((i.table, i.row) for i in found) == [("missing", 3), ("oc2", 2)]
