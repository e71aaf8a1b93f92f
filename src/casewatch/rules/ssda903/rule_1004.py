"""903 rule 1004 (missing.MIS_START): the cell must hold a valid date and not be blank."""

from casewatch.rules.common import valid_date
from casewatch.rules.testing import flagged

rule = valid_date(__name__, "1004", "ssda903", "missing", "MIS_START",
                  "The start date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.", blank_ok=False)


def test_1004():
    assert flagged(rule, 2024, missing="""
        CHILD | MIS_START
        1     | 01/04/2023
        2     |
        3     | !31/02/2023
        4     | !yesterday
    """) == [3, 4, 5]
