"""903 rule 147 (episodes.DEC): the cell must hold a valid date."""

from casewatch.rules.common import valid_date
from casewatch.rules.testing import flagged

rule = valid_date(__name__, "147", "ssda903", "episodes", "DEC",
                  "Date episode ceased is not a valid date.", blank_ok=True)


def test_147():
    assert flagged(rule, 2024, episodes="""
        CHILD | DEC
        1     | 01/04/2023
        2     |
        3     | !31/02/2023
        4     | !yesterday
    """) == [4, 5]
