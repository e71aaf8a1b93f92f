"""CIN rule 2884: an initial child protection conference is recorded once: in its <Section47> module, or in the
<CINdetails> when there is no section 47 module. A CINdetails DateOfInitialCPC that is also a Section47
DateOfInitialCPC of the same child is the same conference twice; the CINdetails is flagged."""

from casewatch.rules.cin._census import same_child
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("2884", "cin", "An initial child protection conference is recorded at both the S47 and CIN Details level "
      "and it should only be recorded in one", tables=("cin_details",), fields=("DateOfInitialCPC",))
def sql(year: int) -> str:
    return f"""SELECT d._file, d._row, d._line, d.LAchildID AS child FROM cin_details d
      WHERE EXISTS (SELECT 1 FROM section47 s WHERE {same_child('d', 's')}
                    AND s.DateOfInitialCPC = d.DateOfInitialCPC)"""


def test_2884():
    assert flagged(sql, 2024, cin_details="""
        LAchildID | CINdetailsID | DateOfInitialCPC
        1         | 1            | 2023-06-01
        2         | 1            | 2023-06-01
        3         | 1            |
        4         | 1            | 2023-06-01
    """, section47="""
        LAchildID | CINdetailsID | DateOfInitialCPC
        1         | 1            | 2023-06-01
        2         | 1            | 2023-06-02
        3         | 1            |
        5         | 1            | 2023-06-01
    """) == [2]
