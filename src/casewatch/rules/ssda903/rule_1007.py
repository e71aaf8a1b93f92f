"""903 rule 1007: Care leaver information (OC3) for a young person aged 17 or 18 at 31 March who was still
looked after on their latest (17th or 18th) birthday: an episode started on or before it and ended after it
or is still open. (The DfE's validator does not count an open episode; the DfE's text, "still looked
after", does.) The OC3 row is flagged where any of IN_TOUCH, ACTIV, ACCOM is given."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("1007", "ssda903", "Care leaver information is not required for 17- or 18-year olds who are still looked after [on their 17th or 18th birthday.]", tables=("oc3", "episodes"), fields=("IN_TOUCH",))
def sql(year: int) -> str:
    end = f"DATE '{int(year)}-03-31'"
    return f"""SELECT o._file, o._row, o.CHILD AS child FROM (
          SELECT *, CASE WHEN DOB + INTERVAL 18 YEAR <= {end} THEN DOB + INTERVAL 18 YEAR
                         ELSE DOB + INTERVAL 17 YEAR END AS bday FROM oc3) o
       WHERE (o.IN_TOUCH IS NOT NULL OR o.ACTIV IS NOT NULL OR o.ACCOM IS NOT NULL)
         AND o.DOB + INTERVAL 17 YEAR <= {end} AND o.DOB + INTERVAL 19 YEAR > {end}
         AND EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = o.CHILD AND e.DECOM <= o.bday
                     AND (e.DEC IS NULL OR e.DEC > o.bday))"""


def test_1007():
    assert flagged(sql, 2024, oc3="""
        CHILD | DOB        | IN_TOUCH | ACTIV
        1     | 01/06/2006 | YES      | F2
        2     | 01/06/2006 | YES      | F2
        3     | 01/06/2005 |          | F2
        4     | 01/06/2004 | YES      | F2
        5     | 01/06/2006 |          |
        6     | 01/06/2006 | YES      |
    """, episodes="""
        CHILD | DECOM      | DEC
        1     | 01/01/2020 | 01/06/2023
        2     | 01/01/2020 | 02/06/2023
        3     | 01/01/2020 |
        4     | 01/01/2020 |
        5     | 01/01/2020 |
        6     | 01/07/2023 |
    """) == [3, 4]
