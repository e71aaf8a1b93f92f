"""CIN rule 8620: A closure outside the census year."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8620", "cin", "CIN Closure Date present and does not fall within the Census year", tables=("cin_details",), fields=("CINclosureDate",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, _line, LAchildID AS child FROM cin_details WHERE CINclosureDate < make_date({year} - 1, 4, 1) OR CINclosureDate > make_date({year}, 3, 31)"""


def test_8620():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINclosureDate
        1         | 1            | 2023-03-31
        2         | 1            | 2023-04-01
        3         | 1            | 2024-04-01
    """) == [2, 4]
