"""CIN rule 8790: Disability NONE recorded with other disabilities."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8790", "cin", "Disability information includes both None and other values", tables=("disability",), fields=("Disability",))
def sql(year: int) -> str:
    return """SELECT _file, _row, _line, LAchildID AS child FROM (SELECT *, bool_or(Disability = 'NONE') OVER (PARTITION BY _file, LAchildID) AS has_none, bool_or(Disability <> 'NONE') OVER (PARTITION BY _file, LAchildID) AS has_other FROM disability) WHERE has_none AND has_other AND Disability = 'NONE'"""


def test_8790():
    assert flagged(sql, 2024, disability="""
        LAchildID | Disability
        1         | NONE
        1         | HAND
        2         | NONE
    """) == [2]
