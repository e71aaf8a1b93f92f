"""903 rule 632: The date of the previous permanence order (PrevPerm DATE_PERM, kept as text) is not valid.

The DfE's text: where given, DATE_PERM must be DD/MM/YYYY, any part of which may be ZZ (ZZZZ for the year)
where unknown, must be a real date, and must be before the child started to be looked after (compared
with the start of the child's first episode in the return, so an earlier period of care is missed, as the
DfE notes). An unknown part is read as its latest possible value (ZZ/05/2015 as 31/05/2015, ZZ/ZZ/2015 as
31/12/2015); with the year unknown only the format is checked."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("632", "ssda903", "Date of previous permanence order not a valid value. NOTE: This rule may result in false negatives where the period of care started before the current collection year", tables=("prev_perm", "episodes"), fields=("DATE_PERM",))
def sql(year: int) -> str:
    return """WITH p AS (
          SELECT *, upper(trim(DATE_PERM)) AS d,
                 regexp_full_match(upper(trim(DATE_PERM)), '(\\d\\d|ZZ)/(\\d\\d|ZZ)/(\\d{4}|ZZZZ)') AS shaped
          FROM prev_perm WHERE DATE_PERM IS NOT NULL),
        q AS (
          SELECT *, CASE WHEN shaped THEN try_strptime(replace(replace(d, 'ZZZZ', '2000'), 'ZZ', '01'), '%d/%m/%Y')::DATE END AS low
          FROM p),
        r AS (
          SELECT *, CASE WHEN split_part(d, '/', 2) = 'ZZ' THEN low + INTERVAL 1 YEAR - INTERVAL 1 DAY
                         WHEN split_part(d, '/', 1) = 'ZZ' THEN low + INTERVAL 1 MONTH - INTERVAL 1 DAY
                         ELSE low END::DATE AS latest
          FROM q)
       SELECT r._file, r._row, r.CHILD AS child FROM r
       LEFT JOIN (SELECT CHILD, min(DECOM) AS first FROM episodes GROUP BY CHILD) e ON e.CHILD = r.CHILD
       WHERE r.low IS NULL OR (split_part(r.d, '/', 3) <> 'ZZZZ' AND r.latest >= e.first)"""


def test_632():
    assert flagged(sql, 2024, prev_perm="""
        CHILD | PREV_PERM | DATE_PERM
        1     | P1        | 01/05/2015
        2     | P1        | 2015-05-01
        3     | P1        | 01/05/2023
        4     | P1        | zz/05/2023
        5     | P1        | ZZ/ZZ/2023
        6     | P1        | ZZ/04/2023
        7     | P1        | 31/02/2015
        8     | P1        | ZZ/ZZ/ZZZZ
        9     | P1        | Z/05/2015
        10    | P1        |
        11    | P1        | 01/13/2015
    """, episodes="""
        CHILD | DECOM
        1     | 01/05/2023
        2     | 01/05/2023
        3     | 01/05/2023
        4     | 01/05/2023
        5     | 01/05/2023
        6     | 01/05/2023
        7     | 01/05/2023
        8     | 01/05/2023
        9     | 01/05/2023
        10    | 01/05/2023
    """) == [3, 4, 5, 6, 8, 10, 12]
