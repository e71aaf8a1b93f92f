"""903 rule 371: A child in semi-independent / supported accommodation must be old enough when placed.

The DfE's text: semi-independent living not subject to children's homes regulations (PLACE H5) requires
the child to be at least 14 on DECOM in 2022-23 and at least 16 in 2023-24; from 2024-25 H5 is replaced by
supported accommodation (K3), for which the child must be at least 16 (the message is 2024-25's). The peer
skips episodes with no DEC; the text judges every such episode, and so does casewatch."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("371", "ssda903", "Child in supported accomodation not subject to children’s homes regulations should be at least 16.", tables=("episodes", "header"), fields=("DECOM", "PLACE"))
def sql(year: int) -> str:
    place, age = ("H5", 14) if year <= 2023 else ("H5", 16) if year == 2024 else ("K3", 16)
    return f"""SELECT e._file, e._row, e.CHILD AS child FROM episodes e JOIN header h ON h.CHILD = e.CHILD
       WHERE e.PLACE = '{place}' AND e.DECOM < h.DOB + INTERVAL {age} YEAR"""


def test_371():
    header = """
        CHILD | DOB
        1     | 01/06/2008
        2     | 02/06/2009
        3     | 01/06/2007
    """
    episodes = """
        CHILD | DECOM      | PLACE
        1     | 01/06/2023 | H5
        2     | 01/06/2023 | H5
        3     | 01/06/2023 | H5
        1     | 01/06/2023 | K3
    """
    assert flagged(sql, 2023, header=header, episodes=episodes) == [3]
    assert flagged(sql, 2024, header=header, episodes=episodes) == [2, 3]
    assert flagged(sql, 2025, header=header, episodes=episodes) == [5]
