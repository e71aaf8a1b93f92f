"""CIN rule 8620: a closure date in the return falls within the census year (1 April to 31 March)."""

from casewatch.rules.cin._census import ref, start
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8620", "cin", "CIN Closure Date present and does not fall within the Census year",
      tables=("cin_details",), fields=("CINclosureDate",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, _line, LAchildID AS child FROM cin_details
      WHERE CINclosureDate < {start(year)} OR CINclosureDate > {ref(year)}"""


def test_8620():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | CINclosureDate
        1         | 1            | 2023-03-31
        2         | 1            | 2023-04-01
        3         | 1            | 2024-03-31
        4         | 1            | 2024-04-01
        5         | 1            |
    """) == [2, 5]
