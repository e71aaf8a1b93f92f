"""903 rule 213: No placement provider for a temporary placement: PLACEMENT_PROVIDER must be blank where PL is
T0-T4, and from 2025-26 also Z11-Z14 (the parts of the old Z1, "other placements", that have no provider).
Rule 178 checks the provider code itself."""

from casewatch.model.schema import quote_list
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


def no_provider(year: int) -> tuple[str, ...]:
    temporary = ("T0", "T1", "T2", "T3", "T4")
    return temporary + (("Z11", "Z12", "Z13", "Z14") if year >= 2026 else ())


@rule("213", "ssda903", "Placement provider information not required.", tables=("episodes",), fields=("PLACE_PROVIDER",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM episodes
       WHERE PLACE IN ({quote_list(no_provider(year))}) AND PLACE_PROVIDER IS NOT NULL"""


def test_213():
    table = """
        CHILD | PLACE | PLACE_PROVIDER
        1     | T0    | PR1
        2     | T4    |
        3     | U1    | PR1
        4     | Z11   | PR0
        5     | Z1    | PR0
    """
    assert flagged(sql, 2024, episodes=table) == [2]
    assert flagged(sql, 2026, episodes=table) == [2, 5]
