"""903 rule 571: A missing episode that ended outside the collection year."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("571", "ssda903", "The date that the child ceased to be missing or away from placement without authorisation is before the start or after the end of the collection year.", tables=("missing",), fields=("MIS_END",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM missing WHERE MIS_END < make_date({year} - 1, 4, 1) OR MIS_END > make_date({year}, 3, 31)"""


def test_571():
    assert flagged(sql, 2024, missing="""
        CHILD | MISSING | MIS_START  | MIS_END
        1     | M       | 01/03/2023 | 31/03/2023
        2     | M       | 01/03/2024 | 31/03/2024
        3     | M       | 01/03/2024 | 01/04/2024
    """) == [2, 4]
