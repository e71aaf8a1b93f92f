"""903 rule 243 (from 2025-26; episodes.URN): a placement outside England (Wales, Scotland, Northern Ireland,
or no part of the UK: the LA of placement the DfE derives from PL_POST) has no Ofsted-registered provider, so
no URN should be reported. The DfE's text lists PL_LA CON, NIR, SCO, WAL and NUK; the postcode directory
gives casewatch WAL, SCO and NIR, and the Channel Islands and the Isle of Man (in the directory, no LA)."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._place import SAMPLE_POSTCODES, outside_england, placed
from casewatch.rules.testing import flagged


@rule("243", "ssda903", "Only placements with providers registered with Ofsted should have a URN reported.",
      tables=("episodes", "reference.postcodes"), fields=("URN",), since=2026)
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child FROM {placed()} e
       WHERE e.URN IS NOT NULL AND {outside_england()}"""


def test_243():
    assert flagged(sql, 2026, reference__postcodes=SAMPLE_POSTCODES, episodes="""
        CHILD | URN     | PL_POST
        1     | SC12345 | CF10 1AA
        2     |         | CF10 1AA
        3     | SC12345 | TW9 1AA
        4     | SC12345 | JE2 3AA
        5     | SC12345 | ZZ1 1ZZ
    """) == [2, 5]
