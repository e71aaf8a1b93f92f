"""903 rule 1015 (PL_LA): a placement the council provides itself (PLACE_PROVIDER PR1) should be in its own LA.

The DfE's text: own provision but the child not placed in the council's own LA. The LA of placement is the one
the DfE derives from PL_POST (``_place.py``); the council's LA comes from ``--council`` or the case-management
extract (``returns/reference/council.py``). Left out, as in the DfE's validator: short breaks (LS V3, V4), an
episode with LS or PLACE blank, and the placements a council may provide anywhere: adoption (A3-A6), foster
care (U1-U6) and, from 2025-26, K3. An episode with no LA of placement (PL_POST blank or not in the directory)
is not flagged: where it is placed is not known, which is rule 169's error; the DfE's validator flags it as
placed outside the council."""

from casewatch.model.schema import quote_list
from casewatch.rules.engine import rule
from casewatch.rules.ssda903._place import SAMPLE_COUNCIL, SAMPLE_POSTCODES, placed, short_break
from casewatch.rules.testing import flagged


def anywhere(year: int) -> tuple[str, ...]:
    """Placements the council may provide outside its own area, as the DfE lists them for the year."""
    base = ("A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6")
    return (*base, "K3") if year >= 2026 else base


@rule("1015", "ssda903", "Placement provider is own provision but child not placed in own LA.",
      tables=("episodes", "reference.postcodes", "reference.council_la"), fields=("PL_LA",))
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child, e.PL_LA AS value FROM {placed()} e
       WHERE e.PLACE_PROVIDER = 'PR1' AND e.LS IS NOT NULL AND e.PLACE IS NOT NULL AND NOT {short_break()}
         AND e.PLACE NOT IN ({quote_list(anywhere(year))})
         AND e.PL_LA IS NOT NULL AND e.PL_LA NOT IN (SELECT la FROM reference.council_la)"""


EPISODES = """
    CHILD | LS | PLACE | PLACE_PROVIDER | PL_POST
    1     | C2 | K2    | PR1            | TW9 1AA
    2     | C2 | K2    | PR1            | SW1A 1AA
    3     | C2 | U1    | PR1            | SW1A 1AA
    4     | V3 | K2    | PR1            | SW1A 1AA
    5     | C2 | K2    | PR2            | SW1A 1AA
    6     | C2 | K3    | PR1            | CF10 1AA
    7     |    | K2    | PR1            | SW1A 1AA
    8     | C2 | K2    | PR1            | AB1 2CD
    9     | C2 | R1    | PR1            | tw92zz
"""


def test_1015():
    assert flagged(sql, 2025, episodes=EPISODES, reference__postcodes=SAMPLE_POSTCODES,
                   reference__council_la=SAMPLE_COUNCIL) == [3, 7]
    # 1, 9: in the council's LA; 2: Westminster; 3: foster care; 4: a short break; 5: another provider;
    # 6: K3 in Wales (flagged until 2024-25); 7: LS blank; 8: not in the directory (rule 169's)


def test_1015_k3_from_2025_26():
    assert flagged(sql, 2026, episodes=EPISODES, reference__postcodes=SAMPLE_POSTCODES,
                   reference__council_la=SAMPLE_COUNCIL) == [3]
