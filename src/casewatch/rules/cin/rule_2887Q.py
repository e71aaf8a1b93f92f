"""CIN rule 2887Q: a return uses more than 7 different disability codes.

DfE text: excluding children whose <Disability> (N00099) is NONE, the number of different disability codes used
by a LA should be more than 7; triggered at LA level if the LA has used 7 or fewer different codes in its
return. Different codes are counted (distinct), NONE and codes not on the year's list (8540's) aside; a return
with no disability code at all has used none.

A return-level (LA-level) rule: one issue per file, with no row to point at.
"""

from casewatch.returns.cin.spec import codes
from casewatch.rules.engine import rule
from casewatch.rules.testing import issues


@rule("2887Q", "cin", "Please check and either amend or provide a reason: Less than 8 disability codes have been "
      "used in your return", tables=("disability",), fields=("Disability",), severity="query")
def sql(year: int) -> str:
    valid = ", ".join(f"'{c}'" for c in codes(year, "Disability") or () if c != "NONE")
    return f"""SELECT c._file, NULL::BIGINT AS _row FROM (SELECT DISTINCT _file FROM child) c
      LEFT JOIN (SELECT _file, count(DISTINCT Disability) AS n FROM disability
                 WHERE Disability IN ({valid}) GROUP BY _file) d ON d._file = c._file
      WHERE coalesce(d.n, 0) <= 7"""


def test_2887Q():
    def run(*disabilities: str) -> list:
        rows = "\n".join(f"{i} | {d}" for i, d in enumerate(disabilities))
        return issues(sql, 2025, child="LAchildID\n1", disability=f"LAchildID | Disability\n{rows}")

    eight = ("MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS")
    assert run(*eight) == []
    found = run(*eight[:7], "NONE", "XYZ", "MOB", "")  # 7 codes: NONE, an invalid code and a repeat add none
    assert [(i.rule, i.table, i.row) for i in found] == [("2887Q", "disability", None)]
    assert len(issues(sql, 2025, child="LAchildID\n1")) == 1  # no disability recorded at all
