"""903 rule 526: An episode with no placement provider, where its placement type needs one.

The DfE's text: PLACE_PROVIDER must be provided unless the placement is temporary (the types rule 178
says must have no provider: T0-T4 and Z1 until 2024-25; T0-T3 and Z11-Z14 from 2025-26)."""

from casewatch.model.schema import quote_list
from casewatch.rules.engine import rule
from casewatch.rules.ssda903.rule_178 import no_provider
from casewatch.rules.testing import flagged


@rule("526", "ssda903", "Child is missing a placement provider code for at least one episode.", tables=("episodes",), fields=("PLACE_PROVIDER",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM episodes
       WHERE PLACE_PROVIDER IS NULL AND PLACE IS NOT NULL AND PLACE NOT IN ({quote_list(no_provider(year))})"""


def test_526():
    assert flagged(sql, 2024, episodes="""
        CHILD | PLACE | PLACE_PROVIDER
        1     | U1    | PR1
        2     | P0    | PR2
        3     | T1    |
        4     | P1    |
        5     | Z1    |
        6     | R1    |
    """) == [5, 7]


def test_526_from_2025_26():
    assert flagged(sql, 2026, episodes="""
        CHILD | PLACE | PLACE_PROVIDER
        1     | Z14   |
        2     | Z11   |
        3     | P1    |
    """) == [4]
