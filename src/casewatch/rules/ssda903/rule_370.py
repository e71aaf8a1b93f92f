"""903 rule 370: A child placed in independent living (PLACE P2) must be old enough when the episode starts.

The DfE's text: where PLACE is P2 the child must be at least 15 on DECOM in 2022-23, at least 16 from
2023-24 (the message is 2023-24's); the rule (and code P2) is withdrawn from 2024-25. The peer skips
episodes with no DEC; the text judges every P2 episode, and so does casewatch."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("370", "ssda903", "Child in independent living should be at least 16.", tables=("episodes", "header"), fields=("DECOM", "PLACE"), until=2024)
def sql(year: int) -> str:
    age = 15 if year <= 2023 else 16
    return f"""SELECT e._file, e._row, e.CHILD AS child FROM episodes e JOIN header h ON h.CHILD = e.CHILD
       WHERE e.PLACE = 'P2' AND e.DECOM < h.DOB + INTERVAL {age} YEAR"""


def test_370():
    header = """
        CHILD | DOB
        1     | 01/06/2008
        2     | 02/06/2008
        3     | 01/06/2007
    """
    episodes = """
        CHILD | DECOM      | PLACE
        1     | 01/06/2023 | P2
        2     | 01/06/2023 | P2
        3     | 01/06/2023 | P2
        2     | 01/06/2023 | U1
    """
    assert flagged(sql, 2023, header=header, episodes=episodes) == [3]
    assert flagged(sql, 2024, header=header, episodes=episodes) == [2, 3]
