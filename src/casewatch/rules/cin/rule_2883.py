"""CIN rule 2883: across the return, no more child protection plans start in the census year than initial child
protection conferences take place in it.

DfE text: within a local authority, the number of <CPPstartDate> (N00105) present and within the census year
should be less than or equal to the number of <DateOfInitialCPC> (N00110) present and within the census year on
the CIN details module plus the number on the Section 47 module. Every date counts (no grouping by child).

A return-level (LA-level) rule: one issue per file, with no row to point at.
"""

from casewatch.rules.cin._census import ref, start
from casewatch.rules.engine import rule
from casewatch.rules.testing import issues


@rule("2883", "cin", "There are more child protection plans starting than initial conferences taking place",
      tables=("cp_plans",), fields=("CPPstartDate",))
def sql(year: int) -> str:
    def counted(table: str, field: str) -> str:
        return (f"SELECT _file, count(*) AS n FROM {table} "
                f"WHERE {field} BETWEEN {start(year)} AND {ref(year)} GROUP BY _file")

    return f"""SELECT p._file, NULL::BIGINT AS _row FROM ({counted('cp_plans', 'CPPstartDate')}) p
      LEFT JOIN ({counted('cin_details', 'DateOfInitialCPC')}) d ON d._file = p._file
      LEFT JOIN ({counted('section47', 'DateOfInitialCPC')}) s ON s._file = p._file
      WHERE p.n > coalesce(d.n, 0) + coalesce(s.n, 0)"""


def test_2883():
    plans = """
        LAchildID | CINdetailsID | CPPstartDate
        1         | 1            | 2023-05-26
        1         | 1            | 2023-06-27
        2         | 1            | 2024-05-26
        3         | 1            | 2023-05-26
        4         | 1            |
    """  # three plans start in 2023-24 (the 2024-05-26 one is outside it, the blank one not counted)
    found = issues(sql, 2024, cp_plans=plans, section47="""
        LAchildID | CINdetailsID | DateOfInitialCPC
        1         | 1            | 2023-05-26
        1         | 1            | 2023-06-27
    """, cin_details="""
        LAchildID | CINdetailsID | DateOfInitialCPC
        2         | 1            | 2024-05-26
        4         | 1            |
    """)
    assert [(i.rule, i.table, i.row, i.file) for i in found] == [("2883", "cp_plans", None, "test")]
    # a third conference in the year, on the CIN details module, balances the three plans
    assert issues(sql, 2024, cp_plans=plans, section47="""
        LAchildID | CINdetailsID | DateOfInitialCPC
        1         | 1            | 2023-05-26
        1         | 1            | 2023-06-27
    """, cin_details="""
        LAchildID | CINdetailsID | DateOfInitialCPC
        3         | 1            | 2023-05-26
    """) == []
    # no plan starting in the year: nothing to compare
    assert issues(sql, 2024, cp_plans="""
        LAchildID | CINdetailsID | CPPstartDate
        1         | 1            | 2023-03-31
    """) == []
