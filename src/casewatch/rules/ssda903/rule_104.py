"""903 rule 104 (uasc.DUC): the cell must hold a valid date."""

from casewatch.rules.common import valid_date
from casewatch.rules.testing import flagged

rule = valid_date(__name__, "104", "ssda903", "uasc", "DUC",
                  "Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.", blank_ok=True)


def test_104():
    assert flagged(rule, 2024, uasc="""
        CHILD | DUC
        1     | 01/04/2023
        2     |
        3     | !31/02/2023
        4     | !yesterday
    """) == [4, 5]
