"""903 rule 362: An emergency protection order (LS L2) lasted longer than 21 days.

The DfE's text: a spell under legal status L2 must not last more than 21 days. Spells are counted as in
rule 361 (consecutive L2 episodes joined; an open one runs to 31 March)."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903.rule_361 import ls_spell_too_long
from casewatch.rules.testing import flagged


@rule("362", "ssda903", "Emergency protection order (EPO) lasted longer than 21 days", tables=("episodes",), fields=("LS",))
def sql(year: int) -> str:
    return ls_spell_too_long(year, "L2", 21)


def test_362():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | LS
        1     | 01/06/2023 | 04/06/2023 | L2
        1     | 04/06/2023 | 05/06/2023 | L2
        1     | 08/09/2023 | 09/09/2023 | L2
        1     | 09/09/2023 | 01/10/2023 | L2
        2     | 01/06/2023 | 22/06/2023 | L2
        3     | 01/06/2023 | 23/06/2023 | L2
    """) == [4, 5, 7]
