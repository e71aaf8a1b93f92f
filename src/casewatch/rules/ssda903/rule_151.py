"""903 rule 151: The AD1 (adoption) items DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR and
LS_ADOPTR are all completed or all blank. A cell that held something unreadable counts as completed."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged

ITEMS = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")


def given(f: str) -> str:
    return f"({f} IS NOT NULL OR json_extract_string(_bad, '$.{f}') IS NOT NULL)"


@rule("151", "ssda903", "All data items relating to a childs adoption must be coded or left blank.", tables=("ad1",), fields=ITEMS)
def sql(year: int) -> str:
    n = " + ".join(f"{given(f)}::INTEGER" for f in ITEMS)
    return f"SELECT _file, _row, CHILD AS child FROM ad1 WHERE ({n}) NOT IN (0, {len(ITEMS)})"


def test_151():
    assert flagged(sql, 2024, ad1="""
        CHILD | DATE_INT   | DATE_MATCH  | FOSTER_CARE | NB_ADOPTR | SEX_ADOPTR | LS_ADOPTR
        1     | 01/05/2023 | 01/06/2023  | 0           | 2         | MF         | L0
        2     |            |             |             |           |            |
        3     | 01/05/2023 |             | 0           | 2         | MF         | L0
        4     |            |             | 1           |           |            |
        5     | 01/05/2023 | !31/02/2023 | 0           | 2         | MF         | L0
    """) == [4, 5]
