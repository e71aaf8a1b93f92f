"""CIN rule 1520: a UPN belongs to one pupil, so it appears once in the return (every record with it is shown)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("1520", "cin", "More than one record with the same UPN.", tables=("child",), fields=("UPN",))
def sql(year: int) -> str:
    return """SELECT _file, _row, LAchildID AS child FROM (
        SELECT _file, _row, LAchildID, count(*) OVER (PARTITION BY _file, upper(UPN)) AS n
        FROM child WHERE UPN IS NOT NULL)
      WHERE n > 1"""


def test_1520():
    assert flagged(sql, 2024, child="""
        LAchildID | UPN
        1         | P201123456789
        2         | p201123456789
        3         | D938000000001
        4         |
        5         |
    """) == [2, 3]
