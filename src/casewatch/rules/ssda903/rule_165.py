"""903 rule 165 (header.MOTHER): whether the child is a mother must be recorded for every child who is not a
boy and was looked after in the year.

The DfE's text: if provided, MOTHER must be a valid value; if not provided, then either the child is male, or
the child has no episode in the current year and some of IN_TOUCH, ACTIV or ACCOM (OC3, a care leaver's
record) have been provided. Male is SEX 1 until 2023-24 and M from 2024-25 (when the codes become M/F/U), so a
blank MOTHER is an error for F, for U and for a blank SEX too: the text excuses only boys. An episode counts
for the year if it is open on any day of it, whatever its legal status (the DfE validator leaves out V3/V4
short breaks; the text does not; docs/returns/README.md)."""

from casewatch.model.schema import quote_list
from casewatch.returns.ssda903.spec import codes
from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


def male(year: int) -> str:
    return "M" if year >= 2025 else "1"


@rule("165", "ssda903", "Data entry for mother status is invalid.", tables=("header", "episodes", "oc3"), fields=("MOTHER",))
def sql(year: int) -> str:
    valid = codes(year, "header", "MOTHER") or ("0", "1")
    return f"""SELECT h._file, h._row, h.CHILD AS child FROM header h
       WHERE (h.MOTHER IS NOT NULL AND h.MOTHER NOT IN ({quote_list(valid)}))
          OR (h.MOTHER IS NULL AND h.SEX IS DISTINCT FROM '{male(year)}'
              AND NOT (NOT EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = h.CHILD
                                     AND e.DECOM <= make_date({year}, 3, 31)
                                     AND (e.DEC IS NULL OR e.DEC >= make_date({year} - 1, 4, 1)))
                       AND EXISTS (SELECT 1 FROM oc3 o WHERE o.CHILD = h.CHILD
                                     AND (o.IN_TOUCH IS NOT NULL OR o.ACTIV IS NOT NULL OR o.ACCOM IS NOT NULL))))"""


def test_165():
    assert flagged(sql, 2024, header="""
        CHILD | SEX | MOTHER
        1     | 1   |
        2     | 2   | 0
        3     | 2   | 1
        4     | 2   |
        5     | 2   | 2
        6     | 2   |
        7     | 2   |
        8     | 2   |
        9     | 2   |
        10    | 2   | 1
        11    | 1   | 3
        12    | 1   | 1
    """, episodes="""
        CHILD | DECOM      | DEC        | LS
        1     | 01/05/2023 |            | C2
        2     | 01/05/2023 |            | C2
        3     | 01/05/2023 |            | C2
        4     | 01/01/2023 | 01/05/2023 | C2
        5     | 01/05/2023 |            | C2
        6     | 01/05/2023 | 01/06/2023 | C2
        7     | 25/03/2023 | 25/03/2023 | C2
        8     | 01/05/2023 | 01/06/2023 | V3
        10    | 01/01/2022 | 01/05/2022 | C2
        12    | 01/05/2023 |            | C2
    """, oc3="""
        CHILD | IN_TOUCH | ACTIV | ACCOM
        6     | YES      | F1    |
        7     |          |       | Z1
        9     |          |       |
    """) == [5, 6, 7, 9, 10, 12]


def test_165_from_2024_25():
    assert flagged(sql, 2025, header="""
        CHILD | SEX | MOTHER
        1     | M   |
        2     | F   |
        3     | U   |
        4     | F   | 1
        5     | 2   |
    """, episodes="""
        CHILD | DECOM
        1     | 01/05/2024
        2     | 01/05/2024
        3     | 01/05/2024
        4     | 01/05/2024
        5     | 01/05/2024
    """) == [3, 4, 6]
