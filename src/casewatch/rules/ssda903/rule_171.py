"""903 rule 171 (header.MC_DOB): the cell must hold a valid date."""

from casewatch.rules.common import valid_date
from casewatch.rules.testing import flagged

rule = valid_date(__name__, "171", "ssda903", "header", "MC_DOB",
                  "Date of birth of mother's child is not a valid date.", blank_ok=True)


def test_171():
    assert flagged(rule, 2024, header="""
        CHILD | MC_DOB
        1     | 01/04/2023
        2     |
        3     | !31/02/2023
        4     | !yesterday
    """) == [4, 5]
