"""CIN rule 1560Q: a former UPN has the shape of a UPN (the XSD's pattern: a letter, 11 digits, then a digit or
a letter). A query: the DfE asks for a correction or a reason."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("1560Q", "cin", "Please check and either amend or provide a reason: Former UPN wrongly formatted",
      tables=("child",), fields=("FormerUPN",), severity="query")
def sql(year: int) -> str:
    return """SELECT _file, _row, LAchildID AS child FROM child
      WHERE FormerUPN IS NOT NULL AND NOT regexp_full_match(FormerUPN, '[A-Za-z][0-9]{11}[0-9A-Za-z]')"""


def test_1560Q():
    assert flagged(sql, 2024, child="""
        LAchildID | FormerUPN
        1         | P201123456789
        2         | K80100000001A
        3         | 1201123456789
        4         | P20112345678
        5         | P2011234567890
        6         | P20112345X789
        7         |
    """) == [4, 5, 6, 7]
