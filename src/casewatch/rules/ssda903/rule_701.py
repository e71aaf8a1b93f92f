"""903 rule 701 (dolo.DOLO_END): the end date of a deprivation of liberty order (DoLO), where given, must be a
valid date; a blank end is an order still open."""

from casewatch.rules.common import valid_date
from casewatch.rules.testing import flagged

rule = valid_date(__name__, "701", "ssda903", "dolo", "DOLO_END", "The end date of the DoLO is not a valid date.",
                  blank_ok=True, since=2027)


def test_701():
    assert flagged(rule, 2027, dolo="""
        CHILD | DOLO_START  | DOLO_END
        1     | 01/01/2026  | 01/02/2026
        2     | 01/01/2026  |
        3     | 01/01/2026  | !2000/12/10
        4     | !01/13/2026 | !tomorrow
        5     | !01/13/2026 | 01/02/2026
    """) == [4, 5]
    assert not rule.applies(2026)
