"""CIN rule 2888Q: a return records more than one disability for at least one child.

DfE text: excluding children whose <Disability> (N00099) is NONE, within a local authority one or more children
should have more than one disability recorded; triggered at LA level if all children recorded as having a
disability have only one disability code. Codes are counted per child (<Child> record), distinct and other than
NONE (the same code twice is one disability). A return in which no child has a disability has no child with
more than one, so it is flagged too, as the DfE text reads; the DfE's validator does not flag it.

A return-level (LA-level) rule: one issue per file, with no row to point at.
"""

from casewatch.rules.engine import rule
from casewatch.rules.testing import issues


@rule("2888Q", "cin", "Please check and either amend or provide a reason: Only one disability code is recorded "
      "per child and multiple disabilities should be recorded where possible.", tables=("disability",),
      fields=("Disability",), severity="query")
def sql(year: int) -> str:
    return """SELECT c._file, NULL::BIGINT AS _row FROM (SELECT DISTINCT _file FROM child) c
      WHERE NOT EXISTS (
        SELECT 1 FROM disability d WHERE d._file = c._file AND d.Disability <> 'NONE'
        GROUP BY d._row HAVING count(DISTINCT d.Disability) > 1)"""


def test_2888Q():
    def run(disability: str) -> list:
        return issues(sql, 2025, child="LAchildID\n1\n2\n3", disability=disability)

    one_each = """
        LAchildID | Disability
        1         | MOB
        2         | HAND
        2         | HAND
        3         | NONE
        3         | NONE
    """
    found = run(one_each)  # child 2 has HAND twice (one disability), child 3 NONE twice
    assert [(i.rule, i.table, i.row) for i in found] == [("2888Q", "disability", None)]
    assert run("""
        LAchildID | Disability
        1         | MOB
        2         | HAND
        2         | VIS
    """) == []
    assert run("""
        LAchildID | Disability
        1         | NONE
        1         | MOB
    """) != []  # NONE is not a second disability
    assert len(issues(sql, 2025, child="LAchildID\n1")) == 1  # no child has a disability


def test_2888Q_children_without_an_id():
    # two children with no ID, one disability each: no child has more than one
    children = "LAchildID | Ethnicity\n          | WBRI\n          | WBRI"
    assert len(issues(sql, 2025, child=children, disability="""
        _row | LAchildID | Disability
        2    |           | MOB
        3    |           | HAND
    """)) == 1
