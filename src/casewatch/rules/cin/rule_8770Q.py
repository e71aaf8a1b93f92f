"""CIN rule 8770Q: a child of school age on a referral that went on to further action should have a UPN, or a
reason it is unknown other than UN1 (not of school age).

School age: until 2023-24 the DfE asked of children born more than 6 years before the ReferenceDate; from
2024-25 of children born on or before 31 August six years before the collection year's 31 August (those in
Year 1 or above). A reason that is not a valid code does not count as a reason (CW-CIN-004 reports it).
"""

from casewatch.returns.cin.spec import codes
from casewatch.rules.cin._census import ref, same_child
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("8770Q", "cin", "Please check and either amend data or provide a reason: UPN is missing or reason UPN is "
      "missing or is UN1 for a child who is of school age.", tables=("child",), fields=("UPN",), severity="query")
def sql(year: int) -> str:
    school_age = (f"c.PersonBirthDate <= DATE '{year - 6}-08-31'" if year >= 2025
                  else f"c.PersonBirthDate < {ref(year)} - INTERVAL 6 YEAR")
    reasons = ", ".join(f"'{c}'" for c in codes(year, "UPNunknown") or () if c != "UN1") or "NULL"
    return f"""SELECT c._file, c._row, c.LAchildID AS child FROM child c
      WHERE c.UPN IS NULL AND {school_age}
        AND (c.UPNunknown IS NULL OR c.UPNunknown NOT IN ({reasons}))
        AND EXISTS (SELECT 1 FROM cin_details d WHERE {same_child('c', 'd')} AND d.ReferralNFA = false)"""


def test_8770Q():
    child = """
        LAchildID | PersonBirthDate | UPN           | UPNunknown
        1         | 2010-01-01      |               |
        2         | 2010-01-01      |               | UN1
        3         | 2010-01-01      |               | UN2
        4         | 2010-01-01      | P201123456789 |
        5         | 2010-01-01      |               | UN9
        6         | 2010-01-01      |               |
        7         | 2018-03-30      |               |
        8         | 2018-03-31      |               |
        9         |                 |               |
    """
    episodes = """
        LAchildID | CINdetailsID | ReferralNFA
        1         | 1            | 0
        2         | 1            | 0
        3         | 1            | 0
        4         | 1            | 0
        5         | 1            | 0
        6         | 1            | 1
        7         | 1            | 0
        8         | 1            | 0
        9         | 1            | 0
    """
    assert flagged(sql, 2024, child=child, cin_details=episodes) == [2, 3, 6, 8]
    later = child.replace("2018-03-30", "2019-08-31").replace("2018-03-31", "2019-09-01")
    assert flagged(sql, 2025, child=later, cin_details=episodes) == [2, 3, 6, 8]
