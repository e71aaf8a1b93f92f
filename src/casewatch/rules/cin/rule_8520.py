"""CIN rule 8520: Born after the census period."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8520", "cin", "Date of Birth is after data collection period (must be on or before the end of the census period)", tables=("child",), fields=("PersonBirthDate",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, LAchildID AS child FROM child WHERE PersonBirthDate > make_date({year}, 3, 31)"""


def test_8520():
    assert flagged(sql, 2024, child="""
        LAchildID | PersonBirthDate
        1         | 2024-03-31
        2         | 2024-04-01
    """) == [3]
