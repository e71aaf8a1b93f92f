"""903 rule SW02STG1: the social worker's ID must begin with SW (a Social Work England registration number) or
XX.

A blank ID does not begin with either and is flagged too (SW_ID must not be blank), as the DfE's validator
does. The validator from 2025-26 also flags an ID shorter than four characters (just ``SW`` or ``XX``); the
DfE's message is unchanged and says only how the ID begins, so casewatch follows the message in every year.
Codes are compared as written: ``sw123`` does not begin with ``SW``."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("SW02STG1", "ssda903", "Social worker ID does not begin with the characters ‘SW’ or ‘XX’.", tables=("social_worker",), fields=("SW_ID",), since=2024)
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM social_worker
       WHERE SW_ID IS NULL OR left(SW_ID, 2) NOT IN ('SW', 'XX')"""


def test_SW02STG1():
    assert flagged(sql, 2024, social_worker="""
        CHILD | SW_ID
        1     | SW0001
        2     | XX12
        3     | sw0001
        4     | AB0001
        5     |
        6     | SW
        7     | S
    """) == [4, 5, 6, 8]
