"""903 rule 141 (episodes.DECOM): the cell must hold a valid date and not be blank."""

from casewatch.rules.common import valid_date
from casewatch.rules.testing import flagged

rule = valid_date(__name__, "141", "ssda903", "episodes", "DECOM",
                  "Date episode began is not a valid date.", blank_ok=False)


def test_141():
    assert flagged(rule, 2024, episodes="""
        CHILD | DECOM
        1     | 01/04/2023
        2     |
        3     | !31/02/2023
        4     | !yesterday
    """) == [3, 4, 5]
