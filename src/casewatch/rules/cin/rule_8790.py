"""CIN rule 8790: a child recorded with disability NONE has no other disability code; the NONE is flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8790", "cin", "Disability information includes both None and other values", tables=("disability",),
      fields=("Disability",))
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM (
        SELECT *, bool_or(Disability <> 'NONE') OVER (PARTITION BY _file, _row) AS has_other
        FROM disability)
      WHERE Disability = 'NONE' AND has_other"""


def test_8790():
    assert flagged(sql, 2024, disability="""
        LAchildID | Disability
        1         | HAND
        1         | NONE
        2         | NONE
        3         | NONE
        3         |
        4         | NONE
        4         | NONE
    """) == [3]


def test_8790_children_without_an_id():
    # NONE for one child with no ID, HAND for another: two children, each consistent
    assert flagged(sql, 2024, disability="""
        _row | LAchildID | Disability
        2    |           | HAND
        3    |           | NONE
        4    |           | NONE
        4    |           | VIS
    """) == [4]
