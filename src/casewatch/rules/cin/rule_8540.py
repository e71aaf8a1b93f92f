"""CIN rule 8540: disability codes must be valid, and a born child with a referral that went on to further
action (ReferralNFA false) needs at least one <Disability> (NONE when the child has none).

Two kinds of row are flagged: a <Disability> with a missing or invalid code (always: an invalid code is
invalid whatever the referral), and the <Child> itself when it has no <Disability> at all.
"""

from casewatch.returns.cin.spec import codes
from casewatch.rules.cin._census import same_child
from casewatch.rules.engine import rule
from casewatch.rules.testing import issues


@rule("8540", "cin", "Child's disability is missing or invalid (see Disability table)",
      tables=("disability", "child"), fields=("Disability",))
def sql(year: int) -> str:
    valid = ", ".join(f"'{c}'" for c in codes(year, "Disability") or ())
    return f"""SELECT _file, _row, _line, LAchildID AS child, 'disability' AS _table FROM disability
      WHERE Disability IS NULL OR Disability NOT IN ({valid})
      UNION ALL
      SELECT c._file, c._row, NULL AS _line, c.LAchildID AS child, 'child' AS _table FROM child c
      WHERE c.PersonBirthDate IS NOT NULL
        AND EXISTS (SELECT 1 FROM cin_details d WHERE {same_child('c', 'd')} AND d.ReferralNFA = false)
        AND NOT EXISTS (SELECT 1 FROM disability x WHERE {same_child('c', 'x')})"""


def test_8540():
    found = issues(sql, 2024, child="""
        LAchildID | PersonBirthDate | ExpectedPersonBirthDate
        1         | 2015-01-01      |
        2         | 2015-01-01      |
        3         |                 | 2024-05-01
        4         | 2015-01-01      |
        5         | 2015-01-01      |
    """, cin_details="""
        LAchildID | CINdetailsID | ReferralNFA
        1         | 1            | 0
        2         | 1            | 0
        3         | 1            | 0
        4         | 1            | 1
        5         | 1            |
    """, disability="""
        LAchildID | Disability
        1         | NONE
        1         | AUT
        9         | DYS
        9         |
    """)
    # child 2 (record line 3) has no disability; disability lines 4 (DYS) and 5 (blank) are invalid
    assert sorted((i.table, i.row) for i in found) == [("child", 3), ("disability", 4), ("disability", 5)]
