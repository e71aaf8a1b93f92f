"""903 rule 217t (2023-24 only): Placement type P2 (a placement with a provider of supported accommodation
not registered with Ofsted, for children 16-17) ended on 28 October 2023, when unregulated accommodation for
under-16s was banned and supported accommodation became regulated. A P2 episode must have ceased by then:
flagged when DEC is after 28 October 2023 or blank. The DfE dropped the transitional check from 2024-25."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("217t", "ssda903", "Placement type 'P2' is not a valid placement type from 28 October 2023.", tables=("episodes",), fields=("PLACE",), since=2024, until=2024)
def sql(year: int) -> str:
    return """SELECT _file, _row, CHILD AS child FROM episodes
       WHERE PLACE = 'P2' AND (DEC > DATE '2023-10-28'
                               OR (DEC IS NULL AND json_extract_string(_bad, '$.DEC') IS NULL))"""


def test_217t():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | PLACE
        1     | 01/04/2023 | 28/10/2023 | P2
        2     | 01/04/2023 | 29/10/2023 | P2
        3     | 01/04/2023 |            | P2
        4     | 01/04/2023 |            | U1
        5     | 01/04/2023 | 01/12/2023 | H5
    """) == [3, 4]
