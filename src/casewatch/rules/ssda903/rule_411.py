"""903 rule 411 (PL_LOCATION): a placement IN the council's area must have the council as LA of placement.

The DfE derives both fields from PL_POST (``_place.py``): PL_LOCATION is IN exactly when PL_LA is the council's
own LA, so derived together they always agree, and this rule, like the DfE's validator, which derives them the
same way, finds nothing. It is kept so the catalogue is the DfE's, and runs only when the council's LA is known
(``--council``, or the la_code of the case-management extract's council.csv)."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._place import SAMPLE_COUNCIL, SAMPLE_POSTCODES, placed
from casewatch.rules.testing import flagged


@rule("411", "ssda903", "Placement location code disagrees with LA of placement.",
      tables=("episodes", "reference.postcodes", "reference.council_la"), fields=("PL_LOCATION",))
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child, e.PL_LOCATION AS value FROM {placed()} e
       WHERE e.PL_LOCATION = 'IN'
         AND NOT coalesce(e.PL_LA IN (SELECT la FROM reference.council_la), false)"""


def test_411_derived_fields_agree():
    assert flagged(sql, 2024, episodes="""
        CHILD | LS | PL_POST
        1     | C2 | TW9 1AA
        2     | C2 | SW1A 1AA
        3     | C2 | JE2 3AA
        4     | C2 |
    """, reference__postcodes=SAMPLE_POSTCODES, reference__council_la=SAMPLE_COUNCIL) == []
