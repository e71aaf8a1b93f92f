"""903 rule SW04STG1 (social_worker.SW_DECOM): the date the social worker episode began, where given, must be a
valid date. A blank is SW01a/SW01b/SW03's (incomplete episode), not this rule's. The message is the DfE's,
double full stop included."""

from casewatch.rules.common import valid_date
from casewatch.rules.testing import flagged

rule = valid_date(__name__, "SW04STG1", "ssda903", "social_worker", "SW_DECOM",
                  "Date social worker episode began is not a valid date..", blank_ok=True, since=2024)


def test_SW04STG1():
    assert flagged(rule, 2024, social_worker="""
        CHILD | SW_DECOM
        1     | 01/04/2023
        2     |
        3     | !31/02/2023
        4     | !ZZ/ZZ/ZZZZ
        5     | 2023-05-01
    """) == [4, 5]
