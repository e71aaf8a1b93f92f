"""Shapes many DfE rules share: a field whose code must be in that year's list; a field that must hold a
valid date. A rule file built from these still holds exactly one rule and its own test."""

from __future__ import annotations

from collections.abc import Callable

from casewatch.model.schema import quote_list
from casewatch.rules.engine import Rule, rule

CHILD = {"ssda903": "CHILD", "cin": "LAchildID"}


def _where(kind: str, table: str) -> str:
    return "_file, _row, _line, " if kind == "cin" and table != "child" else "_file, _row, "


def code_list(module: str, code: str, kind: str, table: str, field: str, message: str,
              codes: Callable[[int], tuple[str, ...] | None], *, blank_ok: bool, **kw) -> Rule:
    """Flags a value not in the year's code list (and a blank, unless ``blank_ok``)."""

    def sql(year: int) -> str:
        valid = codes(year) or ()
        blank = "" if blank_ok else f" OR {field} IS NULL"
        bad = f"{field} NOT IN ({quote_list(valid)})" if valid else "false"
        return (f"SELECT {_where(kind, table)}{CHILD[kind]} AS child FROM {table} "
                f"WHERE ({bad}{blank})")

    sql.__module__ = module

    def expected(year: int) -> str | None:
        valid = codes(year)
        return f"one of: {', '.join(valid)}" + ("" if blank_ok else " (not blank)") if valid else None

    return rule(code, kind, message, tables=(table,), fields=(field,), expected=expected, **kw)(sql)


def valid_date(module: str, code: str, kind: str, table: str, field: str, message: str, *, blank_ok: bool,
               **kw) -> Rule:
    """Flags a cell that held something that is not a date (and a blank, unless ``blank_ok``)."""

    def sql(year: int) -> str:
        blank = "" if blank_ok else f" OR ({field} IS NULL AND _bad IS NULL)"
        return (f"SELECT {_where(kind, table)}{CHILD[kind]} AS child FROM {table} "
                f"WHERE (json_extract_string(_bad, '$.{field}') IS NOT NULL{blank})")

    sql.__module__ = module
    return rule(code, kind, message, tables=(table,), fields=(field,), **kw,
                expected=lambda year: "a date, dd/mm/yyyy" + ("" if blank_ok else " (not blank)"))(sql)
