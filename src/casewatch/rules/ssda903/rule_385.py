"""903 rule 385: An episode cannot cease after the end of the collection year (DEC after 31 March).

The DfE's text: if provided, the date episode ceased must be on or before the collection end date. Until
this change casewatch ran this check under code 354, which is the DfE's code for the episode *start* date."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("385", "ssda903", "Date episode ceased must be on or before the end of the current collection year.", tables=("episodes",), fields=("DEC",))
def sql(year: int) -> str:
    return f"""SELECT _file, _row, CHILD AS child FROM episodes WHERE DEC > make_date({year}, 3, 31)"""


def test_385():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC
        1     | 01/04/2023 | 31/03/2024
        2     | 01/04/2023 | 01/04/2024
        3     | 01/04/2023 |
        4     | 01/04/2023 | !31/02/2024
        5     | 01/04/2024 | 08/09/2024
        6     | 03/10/2022 | 03/10/2023
    """) == [3, 6]
