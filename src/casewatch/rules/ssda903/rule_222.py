"""903 rule 222: No Ofsted URN for placement types that have no Ofsted-registered provider.

The DfE's text: if URN is provided and is not XXXXXXX, it should not be provided where PL is one of the
year's list: P1, P3, R1, R2, R5 and T0-T4 always; Z1 until 2024-25, Z11-Z14 from 2025-26 (Z1 split); P2
until 2023-24 (P2 placements ended 28 October 2023); H5 until 2022-23 (supported accommodation was
registered from 2023-24)."""

from casewatch.model.schema import quote_list
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


def no_urn(year: int) -> tuple[str, ...]:
    """Placement types with no URN, as the DfE lists them for the year."""
    always = ("P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4")
    if year >= 2026:
        return always + ("Z11", "Z12", "Z13", "Z14")
    return always + ("Z1",) + (("P2",) if year <= 2024 else ()) + (("H5",) if year <= 2023 else ())


@rule("222", "ssda903", "Ofsted Unique reference number (URN) should not be recorded for this placement type.", tables=("episodes",), fields=("URN",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM episodes
       WHERE PLACE IN ({quote_list(no_urn(year))}) AND URN IS NOT NULL AND URN <> 'XXXXXXX'"""


def test_222():
    assert flagged(sql, 2024, episodes="""
        CHILD | PLACE | URN
        1     | P1    | SC123456
        2     | P1    | XXXXXXX
        3     | P1    |
        4     | U1    | SC123456
        5     | P2    | SC123456
        6     | H5    | SC123456
        7     | Z1    | 1234567
    """) == [2, 6, 8]


def test_222_by_year():
    table = """
        CHILD | PLACE | URN
        1     | H5    | SC123456
        2     | P2    | SC123456
        3     | Z1    | SC123456
        4     | Z14   | SC123456
    """
    assert flagged(sql, 2023, episodes=table) == [2, 3, 4]
    assert flagged(sql, 2025, episodes=table) == [4]
    assert flagged(sql, 2026, episodes=table) == [5]
