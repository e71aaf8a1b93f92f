"""CIN rule 8775Q: a child over 25 at the ReferenceDate should have no CIN episode still open after their
25th birthday (open at 31 March, or closed after it). The child's record is flagged."""

from casewatch.rules.cin._census import ref, same_child
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8775Q", "cin", "Please check and either amend data or provide a reason: Child is over 25 years old",
      tables=("child",), fields=("PersonBirthDate",), severity="query")
def sql(year: int) -> str:
    return f"""SELECT c._file, c._row, c.LAchildID AS child FROM child c
      WHERE c.PersonBirthDate < {ref(year)} - INTERVAL 25 YEAR
        AND EXISTS (SELECT 1 FROM cin_details d WHERE {same_child('c', 'd')}
                    AND (d.CINclosureDate IS NULL OR d.CINclosureDate > c.PersonBirthDate + INTERVAL 25 YEAR))"""


def test_8775Q():
    assert flagged(sql, 2024, child="""
        LAchildID | PersonBirthDate
        1         | 1999-03-30
        2         | 1999-03-30
        3         | 1999-03-31
        4         | 1998-06-01
        5         |
    """, cin_details="""
        LAchildID | CINdetailsID | CINreferralDate | CINclosureDate
        1         | 1            | 2023-05-01      |
        2         | 1            | 2023-05-01      | 2023-06-01
        3         | 1            | 2023-05-01      |
        4         | 1            | 2023-05-01      | 2023-06-01
        5         | 1            | 2023-05-01      |
    """) == [2]
