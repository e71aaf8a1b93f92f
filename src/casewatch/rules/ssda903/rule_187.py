"""903 rule 187: A child looked after continuously for 12 months at 31 March (the OC2 cohort, as in rule 185)
cannot also have care leaver (OC3: IN_TOUCH, ACTIV, ACCOM) or adoption (AD1) data. Both kinds of row are
flagged."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._periods import looked_after_12_months
from casewatch.rules.testing import issues

OC3 = ("IN_TOUCH", "ACTIV", "ACCOM")
AD1 = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")
AD1_TYPED = ("DATE_INT", "DATE_MATCH", "NB_ADOPTR")  # a bad cell here is NULL with its text in _bad


@rule("187", "ssda903", "Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of adoption or care leavers returns completed.", tables=("oc3", "ad1", "episodes"), fields=OC3 + AD1)
def sql(year: int) -> str:
    oc3 = " OR ".join(f"{f} IS NOT NULL" for f in OC3)
    ad1 = " OR ".join([f"{f} IS NOT NULL" for f in AD1]
                      + [f"json_extract_string(_bad, '$.{f}') IS NOT NULL" for f in AD1_TYPED])
    cohort = looked_after_12_months(year)
    return f"""SELECT _file, _row, CHILD AS child, 'oc3' AS _table, 'IN_TOUCH' AS field FROM oc3
       WHERE ({oc3}) AND CHILD IN ({cohort})
       UNION ALL
       SELECT _file, _row, CHILD AS child, 'ad1' AS _table, 'DATE_INT' AS field FROM ad1
       WHERE ({ad1}) AND CHILD IN ({cohort})"""


def test_187():
    got = issues(sql, 2024, episodes="""
        CHILD | DECOM      | RNE | LS | DEC        | REC
        1     | 01/01/2020 | S   | C2 |            |
        2     | 01/05/2023 | S   | C2 |            |
        3     | 01/01/2020 | S   | C2 |            |
    """, oc3="""
        CHILD | IN_TOUCH | ACTIV | ACCOM
        1     | YES      |       |
        2     | YES      | F2    | B
        3     |          |       |
    """, ad1="""
        CHILD | DATE_INT   | NB_ADOPTR
        1     | 01/05/2022 |
        2     | 01/05/2022 | 1
        3     |            |
    """)
    assert sorted((i.table, i.row) for i in got) == [("ad1", 2), ("oc3", 2)]
