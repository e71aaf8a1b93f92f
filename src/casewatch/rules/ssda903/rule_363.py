"""903 rule 363: A child assessment order (LS L3) lasted longer than the 7 days the Children Act 1989 allows.

The DfE's text: a spell under legal status L3 must not last more than 7 days. Spells are counted as in
rule 361 (consecutive L3 episodes joined; an open one runs to 31 March)."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903.rule_361 import ls_spell_too_long
from casewatch.rules.testing import flagged


@rule("363", "ssda903", "Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.", tables=("episodes",), fields=("LS",))
def sql(year: int) -> str:
    return ls_spell_too_long(year, "L3", 7)


def test_363():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | LS
        1     | 01/06/2023 | 08/06/2023 | L3
        2     | 01/06/2023 | 03/06/2023 | L3
        2     | 03/06/2023 | 09/06/2023 | L3
        2     | 09/06/2023 | 20/06/2023 | C2
        3     | 30/03/2024 |            | L3
        4     | 01/03/2024 |            | L3
    """) == [3, 4, 7]
