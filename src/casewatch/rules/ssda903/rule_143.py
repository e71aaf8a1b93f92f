"""903 rule 143: RNE must be a valid reason for new episode."""

from casewatch.model.codes import RNE
from casewatch.model.schema import quote_list
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("143", "ssda903", "The reason for new episode code is not a valid code.",
      tables=("episodes",), fields=("RNE",))
def sql(year: int) -> str:
    return f"SELECT _file, _row, CHILD AS child FROM episodes WHERE RNE IS NULL OR RNE NOT IN ({quote_list(RNE)})"


def test_143():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | RNE
        1     | 01/04/2023 | S
        2     | 01/04/2023 | Q
        3     | 01/04/2023 |
        4     | 01/04/2023 | p
    """) == [3, 4]
