"""903 rule 3001: care leaver information (OC3) returned for a young person whose 17th birthday falls in the
collection year (1 April to 31 March, both included) must not give their accommodation as with their former
foster carer(s): ACCOM Z1 or Z2 (suitable or not). The OC3 row is flagged.

The date of birth is the Header's, as in the DfE's validator; for a child the Header does not have (or has
without a date of birth) casewatch falls back on the OC3 row's own DOB, where the validator flags nothing (the
missing Header row is INT06's business, but the accommodation is wrong either way). The validator lists the
field at fault as REC; the field this rule is about is ACCOM, which casewatch names."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("3001", "ssda903", "Where care leavers information is being returned for a young person around their 17th birthday, the accommodation cannot be with their former foster carer(s).",
      tables=("oc3", "header"), fields=("ACCOM",))
def sql(year: int) -> str:
    start, end = f"DATE '{int(year) - 1}-04-01'", f"DATE '{int(year)}-03-31'"
    turns_17 = f"BETWEEN {start} AND {end}"
    return f"""SELECT o._file, o._row, o.CHILD AS child FROM oc3 o
       WHERE o.ACCOM IN ('Z1', 'Z2')
         AND (EXISTS (SELECT 1 FROM header h WHERE h.CHILD = o.CHILD AND h.DOB + INTERVAL 17 YEAR {turns_17})
              OR (o.DOB + INTERVAL 17 YEAR {turns_17}
                  AND NOT EXISTS (SELECT 1 FROM header h WHERE h.CHILD = o.CHILD AND h.DOB IS NOT NULL)))"""


def test_3001():
    assert flagged(sql, 2024, header="""
        CHILD | DOB
        1     | 01/04/2006
        2     | 31/03/2007
        3     | 31/03/2006
        4     | 01/04/2007
        5     | 15/09/2006
        6     | 15/09/2006
        7     | 15/09/2006
        8     | 15/09/2005
        10    |
    """, oc3="""
        CHILD | DOB        | ACCOM
        1     | 01/04/2006 | Z1
        2     | 31/03/2007 | Z2
        3     | 31/03/2006 | Z1
        4     | 01/04/2007 | Z1
        5     | 15/09/2006 | T1
        6     | 15/09/2006 |
        7     | 15/09/2005 | Z2
        8     | 15/09/2006 | Z1
        9     | 15/09/2006 | Z1
        10    | 15/09/2006 | Z2
        11    | 15/09/2005 | Z1
    """) == [2, 3, 8, 10, 11]


def test_3001_leap_day():
    # born 29/02/2008: 17 on 28/02/2025 (DuckDB, like pandas, moves the birthday to the 28th)
    assert flagged(sql, 2025, header="""
        CHILD | DOB
        1     | 29/02/2008
    """, oc3="""
        CHILD | ACCOM
        1     | Z1
    """) == [2]
