"""903 rule CW-903-001: A child in Episodes with no Header row: the episode cannot be placed in the model."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("CW-903-001", "ssda903", "The child has episodes but no Header record in this return.", tables=("episodes", "header"), fields=("CHILD",))
def sql(year: int) -> str:
    return """SELECT e._file, e._row, e.CHILD AS child FROM episodes e WHERE NOT EXISTS (SELECT 1 FROM header h WHERE h.CHILD = e.CHILD)"""


def test_CW_903_001():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/05/2010
    """, episodes="""
        CHILD | DECOM
        1     | 01/05/2023
        2     | 01/05/2023
    """) == [3]
