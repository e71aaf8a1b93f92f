"""903 rule 133 (oc3.ACCOM): the code must be in that year's list, blank allowed.

The 903 specification's ACCOM list pairs every kind of accommodation with 1 (suitable) and 2 (not suitable),
including S (no fixed abode / homeless) and X (in custody). The DfE's guidance counts those two as never
suitable, and the DfE's validation list for rule 133 (as its validator has it) leaves S1 and X1 out: so does
casewatch."""

from casewatch.returns.ssda903.spec import codes
from casewatch.rules.common import code_list
from casewatch.rules.testing import flagged

NEVER_SUITABLE = ("S1", "X1")


def accommodation(year: int) -> tuple[str, ...] | None:
    listed = codes(year, "oc3", "ACCOM")
    return tuple(c for c in listed if c not in NEVER_SUITABLE) if listed else None


rule = code_list(__name__, "133", "ssda903", "oc3", "ACCOM",
                 "Data entry for accommodation after leaving care is invalid.", accommodation, blank_ok=True)


def test_133():
    ok = codes(2024, "oc3", "ACCOM")[0]
    assert flagged(rule, 2024, oc3=f"""
        CHILD | ACCOM
        1     | {ok}
        2     |
        3     | ZZ9
        4     | {ok.lower()}
        5     | S1
        6     | X2
        7     | X1
    """) == [4, 6, 8]
