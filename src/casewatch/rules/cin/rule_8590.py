"""CIN rule 8590: a child is in the census because of a CIN episode, so every <Child> has a <CINdetails>."""

from casewatch.rules.cin._census import same_child
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8590", "cin", "Child does not have a recorded CIN episode.", tables=("child",), fields=("LAchildID",))
def sql(year: int) -> str:
    return f"""SELECT c._file, c._row, c.LAchildID AS child FROM child c
      WHERE NOT EXISTS (SELECT 1 FROM cin_details d WHERE {same_child('c', 'd')})"""


def test_8590():
    assert flagged(sql, 2024, child="""
        LAchildID | Ethnicity
        1         | WBRI
        2         | WBRI
        3         | WBRI
    """, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate
        1         | 1            | 2023-05-01
        3         | 1            |
        22        | 1            | 2023-05-01
    """) == [3]


def test_8590_children_without_an_id():
    # the <Child> line (_row) links a record, not its LAchildID: the two children with no ID have their episodes
    assert flagged(sql, 2024, child="""
        LAchildID | Ethnicity
                  | WBRI
                  | WBRI
                  | WBRI
    """, cin_details="""
        _row | LAchildID | CINdetailsID | CINreferralDate
        2    |           | 1            | 2023-05-01
        3    |           | 1            | 2023-05-01
    """) == [4]
