"""The three shapes of the DfE's 903 data-integrity rules (INT*), defined once; each rule still has its own
file and its own test.

- ``not_in_header``: a row of a table whose CHILD has no row in this year's Header (INT01-INT09). The row of
  the other table is the one at fault and is flagged, one issue per row. A row with a blank CHILD is flagged
  too: it names no child of the Header. (The DfE's validator joins with pandas, which pairs a blank CHILD with
  a blank CHILD, so it lets such a row pass only when the Header also has a row with no CHILD.) A year with no
  Header rows at all (the Header not loaded) flags nothing: the DfE's validator runs these rules only when the
  Header is given, and one missing file would otherwise come back as an issue on every row of every table.
- ``differs_from_header``: a row whose DOB (or SEX) is not the one the Header gives the same child (INT11-INT21);
  the other table's row is flagged. Only where both are given: a blank or untypeable value, or a child not in
  the Header, is another rule's business (INT01-INT09 and the field's own rules). Where the Header has the
  child twice with two values, a row differing from either is flagged, as in the DfE's validator.
- ``more_than_once``: every row of a child that appears more than once in a table (INT31-INT36), as the DfE's
  validator flags them all; rows with a blank CHILD are not a child and are not counted.
"""

from __future__ import annotations

from casewatch.returns.staging import STAGING


def _check(table: str, field: str | None = None) -> None:
    t = STAGING[f"ssda903.{table}"]  # a KeyError here is a mistake in a rule file: loud at import
    if field is not None and field not in t.field_names:
        raise ValueError(f"ssda903.{table} has no field {field}")


def not_in_header(table: str) -> str:
    """SQL: the rows of ``table`` whose CHILD is not in this year's Header."""
    _check(table)
    return f"""SELECT t._file, t._row, t.CHILD AS child FROM {table} t
       WHERE NOT EXISTS (SELECT 1 FROM header h WHERE h.CHILD = t.CHILD)
         AND EXISTS (SELECT 1 FROM header)"""


def differs_from_header(table: str, field: str) -> str:
    """SQL: the rows of ``table`` whose ``field`` is given and differs from the Header's for the same child."""
    _check(table, field)
    _check("header", field)
    return f"""SELECT t._file, t._row, t.CHILD AS child FROM {table} t
       WHERE t.{field} IS NOT NULL
         AND EXISTS (SELECT 1 FROM header h WHERE h.CHILD = t.CHILD
                     AND h.{field} IS NOT NULL AND h.{field} <> t.{field})"""


def more_than_once(table: str) -> str:
    """SQL: every row of ``table`` of a CHILD that has more than one row in it this year."""
    _check(table)
    return f"""SELECT _file, _row, CHILD AS child FROM {table}
       WHERE CHILD IN (SELECT CHILD FROM {table} WHERE CHILD IS NOT NULL GROUP BY CHILD HAVING count(*) > 1)"""
