"""903 rule 214 (PL_POST, URN): a short break (LS V3 or V4) needs no placement location: PL_POST and URN should
be blank.

The DfE's text: placement location information is not required for V3/V4 episodes; the DfE's validator checks
the two fields the council gives (the LA of placement and the distance are the DfE's, derived from PL_POST). A
URN written XXXXXXX (the DfE's "no URN") is still a URN given. This rule needs no postcode directory."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import issues


@rule("214", "ssda903", "Placement location information not required.", tables=("episodes",),
      fields=("PL_POST", "URN"))
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child, CASE WHEN PL_POST IS NOT NULL THEN 'PL_POST' ELSE 'URN' END AS field,
              coalesce(PL_POST, URN) AS value
       FROM episodes WHERE LS IN ('V3', 'V4') AND (PL_POST IS NOT NULL OR URN IS NOT NULL)"""


def test_214():
    found = issues(sql, 2024, episodes="""
        CHILD | LS | PL_POST  | URN
        1     | V3 |          |
        2     | V3 | TW9 1AA  |
        3     | V4 |          | XXXXXXX
        4     | C2 | TW9 1AA  | SC123456
        5     |    | TW9 1AA  |
        6     | V4 | TW9 1AA  | SC123456
    """)
    assert [(i.row, i.field) for i in found] == [(3, "PL_POST"), (4, "URN"), (7, "PL_POST")]
