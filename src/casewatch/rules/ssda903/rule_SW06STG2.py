"""903 rule SW06STG2: a social worker episode cannot begin after the end of the collection year (31 March).

The DfE's text checks SW_DECOM against the collection end date only: an episode may have begun long before the
year (it is reported while it is open in the social worker reporting period; when it ended is SW07STG2's)."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._social_worker import year_end
from casewatch.rules.testing import flagged


@rule("SW06STG2", "ssda903", "Social worker episode data should be within the social worker data reporting year.", tables=("social_worker",), fields=("SW_DECOM",), since=2024)
def sql(year: int) -> str:
    return f"SELECT _file, _row, CHILD AS child FROM social_worker WHERE SW_DECOM > {year_end(year)}"


def test_SW06STG2():
    assert flagged(sql, 2024, social_worker="""
        CHILD | SW_DECOM
        1     | 31/03/2024
        2     | 01/04/2024
        3     | 01/01/2015
        4     |
        5     | !32/03/2024
    """) == [3]
