"""903 rule 570: A missing period starting after the end of the collection year (31 March)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("570", "ssda903", "The date that the child started to be missing or away from placement without authorisation is after the end of the collection year.", tables=("missing",), fields=("MIS_START",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM missing WHERE MIS_START > DATE '{int(year)}-03-31'"""


def test_570():
    assert flagged(sql, 2024, missing="""
        CHILD | MISSING | MIS_START
        1     | M       | 31/03/2024
        2     | M       | 01/04/2024
        3     | A       |
        4     | A       | 01/04/2023
    """) == [3]
