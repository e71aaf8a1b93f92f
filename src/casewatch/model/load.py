"""Load canonical tables (Parquet, as written by ``casewatch synth``) into a new analytics database.

Every input row ends in its table or in ``quarantine`` with all its reasons; per table, rows read = rows
loaded + rows quarantined, and the load fails loudly if they do not. Rows are checked in SQL before insert,
against the same declarative description that produced the table's constraints (``model/schema.py``):
required fields, types, code lists, per-column and row checks, references to other tables and duplicate
primary keys (the first valid row is kept). Reasons name the column and the rule, never the value, so they
can be counted and printed without disclosing anything about a child.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from casewatch.calendar import create_calendar_table
from casewatch.errors import CasewatchError
from casewatch.model import TABLES
from casewatch.model.schema import Column, Table, create_model
from casewatch.model.sql import literal, quote_list
from casewatch.model.store import SYSTEM_DDL, write_new
from casewatch.returns.core import AHEAD, EARLIEST_YEAR, latest_year
from casewatch.returns.inputs import NOT_FOLLOWED


class LoadError(CasewatchError):
    """The load could not produce a database."""


@dataclass
class TableLoad:
    table: str
    source_file: str | None
    rows_read: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    reasons: Counter = field(default_factory=Counter)
    note: str | None = None

    @property
    def reconciles(self) -> bool:
        return self.rows_read == self.rows_loaded + self.rows_quarantined


@dataclass
class LoadReport:
    load_id: str
    db_path: str
    tables: list[TableLoad]

    @property
    def rows_loaded(self) -> int:
        return sum(t.rows_loaded for t in self.tables)

    @property
    def rows_quarantined(self) -> int:
        return sum(t.rows_quarantined for t in self.tables)

    @property
    def rows_read(self) -> int:
        return sum(t.rows_read for t in self.tables)


@dataclass(frozen=True)
class Fault:
    """One way a value can break the model: ``rule`` (missing, type, codes, check, reference), ``sql`` (true
    when the value breaks it) and ``reason`` (the words, never the value)."""

    rule: str
    sql: str
    reason: str


def faults(col: Column, ref: str | None = None, raw: str | None = None) -> list[Fault]:
    """Every rule of ``col`` as SQL over ``ref`` (the typed value; default the column's name). ``raw`` is the
    value as read when it had to be cast to the column's type: a value that did not cast is a ``type`` fault.
    The one statement of a column's rules, for the canonical-table load and the returns merge alike."""
    c, ref = col.name, ref or col.name
    out = []
    if col.required:
        out.append(Fault("missing", f"{ref} IS NULL" + (f" AND {raw} IS NULL" if raw else ""), "missing (required)"))
    if raw:
        out.append(Fault("type", f"{ref} IS NULL AND {raw} IS NOT NULL", f"not a valid {col.type}"))
    if col.type == "DATE":  # as the readers refuse them (returns.core.parse_date), for a canonical folder too
        last = latest_year(AHEAD.get(c, 0))
        out.append(Fault("date", f"({ref} < DATE '{EARLIEST_YEAR}-01-01' OR {ref} > DATE '{last}-12-31')",
                         f"impossible date: before {EARLIEST_YEAR} or after {last}"))
    if col.codes:
        out.append(Fault("codes", f"{ref} NOT IN ({quote_list(col.codes)})", "not in the code list"))
    if col.check:
        out.append(Fault("check", f"NOT ({col.check_sql(ref)})", col.check_doc or col.check.format(c=c)))
    if col.references:
        parent, key = col.references.split(".")
        out.append(Fault("reference", f"{ref} IS NOT NULL AND {ref} NOT IN (SELECT {key} FROM {parent})",
                         f"not found in {parent}"))
    return out


def reason_exprs(col: Column, prefix: str = "", ref: str | None = None, raw: str | None = None,
                 rules: tuple[str, ...] | None = None) -> list[str]:
    """SQL expressions, one per fault of ``col`` (only ``rules`` if given): ``'<prefix><column>: <reason>'``
    when the value breaks it, else NULL. The load's prefix is empty, the returns merge's ``CW-MODEL ``."""
    return [f"CASE WHEN {f.sql} THEN {literal(f'{prefix}{col.name}: {f.reason}')} END"
            for f in faults(col, ref, raw) if rules is None or f.rule in rules]


def _source_reasons(col: Column, source_types: dict[str, str]) -> list[str]:
    if col.name not in source_types:
        return [literal(f"{col.name}: the file has no such column (required)")] if col.required else []
    return reason_exprs(col, raw=f"_raw_{col.name}" if source_types[col.name] != col.type else None)


def _check_sql(table: Table, source: str, source_types: dict[str, str]) -> str:
    """SQL giving every source row its canonical, typed columns plus ``_row`` and ``_reasons``."""
    select = ["file_row_number + 1 AS _row"]
    for col in table.columns:
        if col.name not in source_types:
            select.append(f"CAST(NULL AS {col.type}) AS {col.name}")
        elif source_types[col.name] != col.type:
            select.append(f"TRY_CAST({col.name} AS {col.type}) AS {col.name}, {col.name} AS _raw_{col.name}")
        else:
            select.append(col.name)
    reasons = [e for col in table.columns for e in _source_reasons(col, source_types)]
    reasons += [f"CASE WHEN NOT ({chk.sql}) THEN {literal(chk.message)} END" for chk in table.checks]
    pk = ", ".join(table.primary_key)
    return f"""
        WITH typed AS (SELECT {', '.join(select)} FROM {source}),
        checked AS (
            SELECT *, list_filter([{', '.join(reasons) or 'NULL'}]::VARCHAR[], lambda x: x IS NOT NULL) AS _reasons
            FROM typed
        )
        SELECT *, CASE WHEN len(_reasons) = 0
                       THEN row_number() OVER (PARTITION BY len(_reasons) = 0, {pk} ORDER BY _row) END AS _rank
        FROM checked
    """


def _load_table(con: duckdb.DuckDBPyConnection, table: Table, path: Path, load_id: str) -> TableLoad:
    result = TableLoad(table.name, str(path))
    source = f"read_parquet({literal(str(path))}, file_row_number = true)"
    try:
        described = con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
    except duckdb.Error as exc:
        result.note = f"unreadable: {str(exc).splitlines()[0][:200]}"
        return result
    source_types = {name: typ for name, typ, *_ in described if name != "file_row_number"}
    known = set(table.column_names)
    notes = []
    ignored = sorted(set(source_types) - known)
    if ignored:
        notes.append("ignored columns: " + ", ".join(ignored))
    absent = [c.name for c in table.columns if c.name not in source_types and not c.required]
    if absent:
        notes.append("absent optional columns (left empty): " + ", ".join(absent))
    result.note = "; ".join(notes) or None

    con.execute(f"CREATE OR REPLACE TEMP TABLE _checked AS {_check_sql(table, source, source_types)}")
    cols = ", ".join(table.column_names)
    con.execute(f"INSERT INTO {table.name} ({cols}) SELECT {cols} FROM _checked WHERE _rank = 1")
    dup = literal("duplicate primary key (" + ", ".join(table.primary_key) + "): an earlier row was kept")
    record = "to_json({" + ", ".join(f"{literal(c)}: {c if c in source_types else 'NULL'}" for c in table.column_names) + "})"
    con.execute(
        f"""INSERT INTO quarantine (quarantine_id, load_id, source_file, table_name, row_number, reasons, record)
            SELECT (SELECT count(*) FROM quarantine) + row_number() OVER (ORDER BY _row), ?, ?, ?, _row,
                   CASE WHEN len(_reasons) = 0 THEN [{dup}] ELSE _reasons END, {record}
            FROM _checked WHERE _rank IS NULL OR _rank > 1""",
        [load_id, str(path), table.name],
    )
    result.rows_read = con.execute("SELECT count(*) FROM _checked").fetchone()[0]
    result.rows_loaded = con.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0]
    result.rows_quarantined = con.execute(
        "SELECT count(*) FROM quarantine WHERE load_id = ? AND table_name = ?", [load_id, table.name]
    ).fetchone()[0]
    for (reason, n) in con.execute(
        "SELECT r, count(*) FROM (SELECT unnest(reasons) AS r FROM quarantine WHERE load_id = ? AND table_name = ?) "
        "GROUP BY r", [load_id, table.name]
    ).fetchall():
        result.reasons[reason] = n
    con.execute("DROP TABLE _checked")
    if not result.reconciles:
        raise LoadError(
            f"{path}: {result.rows_read} rows read but {result.rows_loaded} loaded + "
            f"{result.rows_quarantined} quarantined; refusing to write an inconsistent database"
        )
    return result


def load_directory(
    source_dir: str | Path,
    db_path: str | Path,
    on_table: Callable[[str, int, int], None] | None = None,
    follow_symlinks: bool = False,
) -> LoadReport:
    """Load ``<source_dir>/<table>.parquet`` for every canonical table into a new database at ``db_path``.

    ``on_table(name, index, total)`` is called before each table (for progress display).
    """
    source_dir = Path(source_dir)
    if not source_dir.is_dir():
        raise LoadError(f"{source_dir}: not a directory of canonical tables")
    if not any((source_dir / f"{t.name}.parquet").exists() for t in TABLES):
        raise LoadError(f"{source_dir}: none of the canonical tables (children.parquet, referrals.parquet, ...) is here")
    load_id = uuid.uuid4().hex[:12]
    loaded_at = dt.datetime.now().replace(microsecond=0)
    results: list[TableLoad] = []
    with write_new(db_path) as con:
        create_model(con, TABLES)
        con.execute(SYSTEM_DDL)
        create_calendar_table(con)
        for i, table in enumerate(TABLES):
            if on_table:
                on_table(table.name, i, len(TABLES))
            path = source_dir / f"{table.name}.parquet"
            if path.is_symlink() and not follow_symlinks:  # never read: noted against its table
                results.append(TableLoad(table.name, str(path), note=NOT_FOLLOWED))
            elif path.exists():
                results.append(_load_table(con, table, path, load_id))
            else:
                results.append(TableLoad(table.name, None, note="no file"))
        con.executemany(
            "INSERT INTO loads VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [[load_id, loaded_at, r.table, r.source_file, r.rows_read, r.rows_loaded, r.rows_quarantined, r.note]
             for r in results],
        )
        if not any(r.rows_loaded for r in results):
            raise LoadError(f"{source_dir}: nothing usable was loaded; the previous database is unchanged")
    return LoadReport(load_id, str(db_path), results)
