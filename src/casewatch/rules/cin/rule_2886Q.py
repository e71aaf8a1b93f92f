"""CIN rule 2886Q: across the return, no more than 2% of children have no sex recorded, unborn children aside.

DfE text: the number of child records where the sex (N00065) is 'not known' or missing and there is no
<ExpectedPersonBirthDate> (N00098), divided by the total number of child records, should be less than or
equal to 0.02; triggered at LA level. 'Not known' is GenderCurrent 0 until 2023-24 and Sex U from 2024-25
(the DfE's 2024-25 text changed 'gender' to 'sex' with the element); the denominator is every child record.

A return-level (LA-level) rule: one issue per file, with no row to point at.
"""

from casewatch.rules.engine import rule
from casewatch.rules.testing import issues


@rule("2886Q", "cin", "Please check and either amend or provide a reason: Percentage of children with no sex "
      "(gender until 2023-24) recorded is more than 2% (excluding unborns)", tables=("child",),
      fields=("Sex",), severity="query")
def sql(year: int) -> str:
    unknown = "U" if year >= 2025 else "0"
    return f"""SELECT _file, NULL::BIGINT AS _row FROM child GROUP BY _file
      HAVING count(*) FILTER (WHERE (Sex IS NULL OR Sex = '{unknown}') AND ExpectedPersonBirthDate IS NULL)
             > 0.02 * count(*)"""



def test_2886Q():
    def run(year: int, rows: list[tuple[str, str]], n_known: int = 48) -> list:
        # 48 children with a known sex, then the rows given (sex, expected date of birth)
        known = "M" if year >= 2025 else "1"
        lines = [f"{i} | {known} |" for i in range(n_known)] + [f"x{i} | {s} | {e}" for i, (s, e) in enumerate(rows)]
        return issues(sql, year, child="LAchildID | Sex | ExpectedPersonBirthDate\n" + "\n".join(lines))

    # 1 of 49 (2.04%) not known and born: flagged; 1 of 50 (2%) is not more than 2%
    assert [(i.rule, i.table, i.row) for i in run(2025, [("U", "")])] == [("2886Q", "child", None)]
    assert run(2025, [("U", "")], n_known=49) == []
    assert len(run(2025, [("", "")])) == 1                          # missing counts too
    assert run(2025, [("U", "2025-05-01")]) == []                    # an unborn child is excluded
    assert run(2025, [("U", ""), ("U", "2025-05-01")]) == []         # ...but counts in the total: 1 of 50
    assert run(2025, [("0", "")]) == []                              # 0 is not the 2024-25 code (4180 says so)
    assert len(run(2024, [("0", "")])) == 1                          # GenderCurrent 0 until 2023-24
    assert run(2024, [("9", "")]) == []                              # 9 (indeterminate) is recorded
    assert run(2024, [("U", "")]) == []
