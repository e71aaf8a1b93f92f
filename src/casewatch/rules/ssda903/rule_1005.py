"""903 rule 1005 (missing.MIS_END): the cell must hold a valid date."""

from casewatch.rules.common import valid_date
from casewatch.rules.testing import flagged

rule = valid_date(__name__, "1005", "ssda903", "missing", "MIS_END",
                  "The end date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.", blank_ok=True)


def test_1005():
    assert flagged(rule, 2024, missing="""
        CHILD | MIS_END
        1     | 01/04/2023
        2     |
        3     | !31/02/2023
        4     | !yesterday
    """) == [4, 5]
