"""903 rule 230 (2023-24 only; episodes.URN): from 28 October 2023, when supported accommodation for 16- and
17-year-olds (H5) had to be registered with Ofsted, an H5 placement in England open on or after that day needs
its URN. "XXXXXXX" (the DfE's placeholder for a provider with no URN) is no URN. England: as rule 218 (the LA
of placement the DfE derives from PL_POST; a PL_POST not in the directory cannot show it is outside)."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._place import SAMPLE_POSTCODES, outside_england, placed
from casewatch.rules.testing import flagged


@rule("230", "ssda903", "Ofsted Unique reference number (URN) is required for any English H5 placements from 28 "
      "October 2023.", tables=("episodes", "reference.postcodes"), fields=("URN",), since=2024, until=2024)
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child FROM {placed()} e
       WHERE e.PLACE = 'H5' AND (e.URN IS NULL OR e.URN = 'XXXXXXX')
         AND (e.DEC IS NULL OR e.DEC >= DATE '2023-10-28') AND NOT {outside_england()}"""


def test_230():
    assert flagged(sql, 2024, reference__postcodes=SAMPLE_POSTCODES, episodes="""
        CHILD | PLACE | URN     | PL_POST  | DEC
        1     | H5    |         | TW9 1AA  |
        2     | H5    | XXXXXXX | TW9 1AA  | 28/10/2023
        3     | H5    |         | TW9 1AA  | 27/10/2023
        4     | H5    | SC12345 | TW9 1AA  |
        5     | H5    |         | CF10 1AA |
        6     | K2    |         | TW9 1AA  |
    """) == [2, 3]
