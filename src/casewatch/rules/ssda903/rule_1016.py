"""903 rule 1016 (from 2023-24): care leaver information (any of OC3's IN_TOUCH, ACTIV, ACCOM) for a young
person aged 17 or 18 at 31 March whose current episode ended on or after their latest (17th or 18th) birthday:
they ceased to be looked after after the birthday, so no care leaver information is due. The OC3 row is
flagged. Age and birthday are from the OC3 row's DOB, as in the DfE's validator.

The current episode is the child's latest in the return (by DECOM), as the DfE's rule text (quoted in the
validator's code) says: "current episode <DEC> is present and after the birthdate". The DfE's validator takes
any episode of the child, so it also flags a young person whose placement changed (an episode ending X1) after
the birthday and who is still looked after; casewatch follows the text. An episode ending on the birthday itself
counts, as the validator's own test has it: care ends on the 18th birthday, so for an 18-year-old "after their
birthday" can only mean on it (a young person who aged out at 18 is a care leaver returned at 19-21, not at 18).
Ages are worked out from exact birthdays (the validator measures them in years of 365.2425 days, which can be a
day out)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("1016", "ssda903", "Care leaver information is not required for 17- or 18-year olds who cease to be looked after, after their birthday.",
      tables=("oc3", "episodes"), fields=("IN_TOUCH",), since=2024)
def sql(year: int) -> str:
    end = f"DATE '{int(year)}-03-31'"
    return f"""SELECT o._file, o._row, o.CHILD AS child FROM (
          SELECT *, CASE WHEN DOB + INTERVAL 18 YEAR <= {end} THEN DOB + INTERVAL 18 YEAR
                         ELSE DOB + INTERVAL 17 YEAR END AS bday FROM oc3) o
       WHERE (o.IN_TOUCH IS NOT NULL OR o.ACTIV IS NOT NULL OR o.ACCOM IS NOT NULL)
         AND o.DOB + INTERVAL 17 YEAR <= {end} AND o.DOB + INTERVAL 19 YEAR > {end}
         AND EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = o.CHILD AND e.DEC >= o.bday
                     AND NOT EXISTS (SELECT 1 FROM episodes l WHERE l.CHILD = e.CHILD AND l.DECOM > e.DECOM))"""


def test_1016():
    assert flagged(sql, 2024, oc3="""
        CHILD | DOB        | IN_TOUCH | ACTIV | ACCOM
        1     | 31/03/2006 | YES      | F1    | Z1
        2     | 31/03/2006 | YES      | F1    | Z1
        3     | 31/03/2006 |          |       |
        4     | 01/06/2005 | YES      |       |
        5     | 01/06/2005 |          | F2    |
        6     | 01/06/2007 | YES      | F1    | B1
        7     | 01/06/2004 | YES      | F1    | B1
        8     | 01/06/2006 | NO       |       |
        9     | 01/06/2006 | YES      |       |
        10    | 01/06/2006 | YES      |       |
        11    | 01/06/2006 |          |       | U1
    """, episodes="""
        CHILD | DECOM      | DEC        | REC
        1     | 01/01/2023 | 31/03/2024 | E4A
        2     | 01/01/2023 | 30/03/2024 | E4A
        3     | 01/01/2023 | 31/03/2024 | E4A
        4     | 01/01/2023 | 01/06/2023 | E4A
        5     | 01/01/2023 | 01/07/2023 | E4A
        6     | 01/01/2023 | 01/07/2023 | E4A
        7     | 01/01/2023 | 01/07/2023 | E4A
        8     | 01/01/2023 |            |
        9     | 01/01/2023 | 01/07/2023 | X1
        9     | 01/07/2023 |            |
        10    | 01/01/2023 | 01/05/2023 | E4A
        10    | 01/08/2023 | 01/09/2023 | E13
        11    | 01/01/2023 | 01/09/2023 | E4A
    """) == [2, 5, 6, 11, 12]
