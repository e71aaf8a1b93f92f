"""903 rule 178 (episodes.PLACE_PROVIDER): a valid code where given, and none for placements that have no
provider.

The DfE's text: if provided, PLACE_PROVIDER must be a valid value, and it should not be provided if the
placement (PL) is temporary: T0-T4 or Z1 until 2024-25; T0-T3 or Z11-Z14 from 2025-26, when Z1 is split
into Z11-Z14 (and T4 drops out of the DfE's list)."""

from casewatch.model.schema import quote_list
from casewatch.returns.ssda903.spec import codes
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


def no_provider(year: int) -> tuple[str, ...]:
    """Placement types that must have no placement provider, as the DfE lists them for the year."""
    if year >= 2026:
        return ("T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14")
    return ("T0", "T1", "T2", "T3", "T4", "Z1")


@rule("178", "ssda903", "Placement provider code is not a valid code.", tables=("episodes",), fields=("PLACE_PROVIDER",))
def sql(year: int) -> str:
    valid = codes(year, "episodes", "PLACE_PROVIDER") or ()
    bad = f"PLACE_PROVIDER NOT IN ({quote_list(valid)})" if valid else "false"
    return f"""SELECT _file, _row, CHILD AS child FROM episodes
       WHERE PLACE_PROVIDER IS NOT NULL AND ({bad} OR PLACE IN ({quote_list(no_provider(year))}))"""


def test_178():
    assert flagged(sql, 2024, episodes="""
        CHILD | PLACE | PLACE_PROVIDER
        1     | U1    | PR0
        2     | T0    | PR1
        3     | U2    |
        4     | Z1    |
        5     | T4    | PR2
        6     | Z1    | PR5
        7     |       | PR3
        8     | U1    | ZZ9
        9     | U1    | pr4
        10    | T3    |
    """) == [3, 6, 7, 9]


def test_178_from_2025_26():
    assert flagged(sql, 2026, episodes="""
        CHILD | PLACE | PLACE_PROVIDER
        1     | Z14   | PR5
        2     | Z11   |
        3     | Z12   | PR5
        4     | T0    | PR1
        5     | U1    | PR4
        6     | T4    | PR2
        7     | Z1    | PR2
    """) == [2, 4, 5]
