"""903 rule SW05STG1 (social_worker.SW_DEC): the date the social worker episode ended, where given, must be a
valid date; a blank is an episode still open. The DfE's message says "began" for this end-date rule; it is kept
as the DfE words it."""

from casewatch.rules.common import valid_date
from casewatch.rules.testing import flagged

rule = valid_date(__name__, "SW05STG1", "ssda903", "social_worker", "SW_DEC",
                  "Date social worker episode began is not a valid date.", blank_ok=True, since=2024)


def test_SW05STG1():
    assert flagged(rule, 2024, social_worker="""
        CHILD | SW_DECOM   | SW_DEC
        1     | 01/04/2023 | 01/05/2023
        2     | 01/04/2023 |
        3     | 01/04/2023 | !30/02/2024
        4     | !nonsense  | 01/05/2023
        5     | 01/04/2023 | !zz
    """) == [4, 6]
