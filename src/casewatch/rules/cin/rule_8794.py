"""CIN rule 8794: a child's disability codes are all different; each repeat after the first is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8794", "cin", "Child has two or more disabilities with the same code", tables=("disability",),
      fields=("Disability",))
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM (
        SELECT *, row_number() OVER (PARTITION BY _file, _row, Disability ORDER BY _line) AS n
        FROM disability WHERE Disability IS NOT NULL)
      WHERE n > 1"""


def test_8794():
    assert flagged(sql, 2024, disability="""
        LAchildID | Disability
        1         | HAND
        1         | VIS
        1         | HAND
        2         | HAND
        3         |
        3         |
        1         | hand
    """) == [4, 8]


def test_8794_children_without_an_id():
    assert flagged(sql, 2024, disability="""
        _row | LAchildID | Disability
        2    |           | HAND
        3    |           | HAND
        4    |           | VIS
        4    |           | VIS
    """) == [5]
