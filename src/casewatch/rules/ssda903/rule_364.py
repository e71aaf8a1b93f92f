"""903 rule 364: A child detained under PACE (LS J2) for longer than 21 days.

The DfE's text: sections 41-46 of the Police and Criminal Evidence Act 1984 severely limit how long a child
can be detained in custody; a spell under legal status J2 must not last more than 21 days. Spells are
counted as in rule 361 (consecutive J2 episodes joined; an open one runs to 31 March)."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903.rule_361 import ls_spell_too_long
from casewatch.rules.testing import flagged


@rule("364", "ssda903", "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a child can be detained in custody in Local Authority (LA) accommodation.", tables=("episodes",), fields=("LS",))
def sql(year: int) -> str:
    return ls_spell_too_long(year, "J2", 21)


def test_364():
    assert flagged(sql, 2024, episodes="""
        CHILD | DECOM      | DEC        | LS
        1     | 01/06/2023 | 10/06/2023 | J2
        1     | 10/06/2023 | 23/06/2023 | J2
        2     | 01/06/2023 | 10/06/2023 | J2
        2     | 10/06/2023 | 22/06/2023 | J2
        3     | 01/06/2023 | 10/06/2023 | J2
        3     | 10/06/2023 | 20/06/2023 | C2
        3     | 20/06/2023 | 30/06/2023 | J2
    """) == [2, 3]
