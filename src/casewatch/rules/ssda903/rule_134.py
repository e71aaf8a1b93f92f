"""903 rule 134: A child with care leaver (OC3) data cannot also have adoption (AD1) data. The AD1 row is
flagged. A cell that held something unreadable counts as data."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged

AD1 = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")
AD1_TYPED = ("DATE_INT", "DATE_MATCH", "NB_ADOPTR")  # a bad cell here is NULL with its text in _bad


@rule("134", "ssda903", "Data on adoption should not be entered for the OC3 cohort.", tables=("ad1", "oc3"), fields=AD1)
def sql(year: int) -> str:
    ad1 = " OR ".join([f"{f} IS NOT NULL" for f in AD1]
                      + [f"json_extract_string(_bad, '$.{f}') IS NOT NULL" for f in AD1_TYPED])
    return f"""SELECT _file, _row, CHILD AS child FROM ad1
       WHERE ({ad1})
         AND CHILD IN (SELECT CHILD FROM oc3 WHERE IN_TOUCH IS NOT NULL OR ACTIV IS NOT NULL OR ACCOM IS NOT NULL)"""


def test_134():
    assert flagged(sql, 2024, oc3="""
        CHILD | IN_TOUCH | ACTIV | ACCOM
        1     | YES      | F2    | B
        2     |          |       |
        3     | YES      | F2    | B
    """, ad1="""
        CHILD | DATE_INT    | NB_ADOPTR
        1     | 01/05/2023  |
        2     | 01/05/2023  | 1
        3     | !31/02/2023 |
        4     | 01/05/2023  | 1
    """) == [2, 4]
