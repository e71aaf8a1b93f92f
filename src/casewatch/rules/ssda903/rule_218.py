"""903 rule 218 (episodes.URN): a placement in England with a provider Ofsted registers needs its Ofsted URN.

The DfE's text: where PLACE is not one of the placements with no Ofsted-registered provider (placed with
parents, independent living, residential employment, temporary placements...: the year's list below), the
placement is not outside England (the LA of placement the DfE derives from PL_POST, ``_place.py``), and the
episode ended in the year or is open, URN should be provided. The list: to 2023-24 it also has H5 and P2
(both withdrawn from 2024-25); from 2025-26 the temporary placement Z1 is split into Z11-Z14. A PL_POST that is
blank or not in the postcode directory cannot show the placement is outside England, so the rule applies, as
in the DfE's validator; the Channel Islands and the Isle of Man (in the directory, no English LA) are
outside England."""

from casewatch.model.schema import quote_list
from casewatch.rules.engine import rule
from casewatch.rules.ssda903._place import SAMPLE_POSTCODES, outside_england, placed
from casewatch.rules.testing import flagged


def no_urn(year: int) -> tuple[str, ...]:
    """Placements with no Ofsted-registered provider, as the DfE lists them for the year."""
    temporary = ("T0", "T1", "T2", "T3", "T4") + (("Z11", "Z12", "Z13", "Z14") if year >= 2026 else ("Z1",))
    older = ("H5", "P2") if year <= 2024 else ()
    return (*older, "P1", "P3", "R1", "R2", "R5", *temporary)


@rule("218", "ssda903", "Ofsted Unique reference number (URN) is required.",
      tables=("episodes", "reference.postcodes"), fields=("URN",))
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child FROM {placed()} e
       WHERE e.URN IS NULL AND e.PLACE IS NOT NULL AND e.PLACE NOT IN ({quote_list(no_urn(year))})
         AND (e.DEC IS NULL OR e.DEC >= DATE '{int(year) - 1}-04-01') AND NOT {outside_england()}"""


def test_218():
    assert flagged(sql, 2025, reference__postcodes=SAMPLE_POSTCODES, episodes="""
        CHILD | PLACE | URN     | PL_POST  | DEC
        1     | U1    | SC12345 | TW9 1AA  |
        2     | U1    |         | TW9 1AA  |
        3     | P1    |         | TW9 1AA  |
        4     | U1    |         | CF10 1AA |
        5     | U1    |         | JE2 3AA  |
        6     | U1    |         | ZZ1 1ZZ  |
        7     | U1    |         | TW9 1AA  | 31/03/2024
        8     | K2    |         |          | 01/04/2024
        9     | Z1    |         | TW9 1AA  |
        10    | H5    |         | TW9 1AA  |
    """) == [3, 7, 9, 11]  # children 2 (England), 6 (not in the directory), 8 (blank, ended in the year), 10 (H5 gone)


def test_218_from_2025_26():
    assert flagged(sql, 2026, reference__postcodes=SAMPLE_POSTCODES, episodes="""
        CHILD | PLACE | URN | PL_POST
        1     | Z1    |     | TW9 1AA
        2     | Z12   |     | TW9 1AA
    """) == [2]
