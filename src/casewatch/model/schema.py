"""Declarative description of the canonical model.

Each table is described once, here, as data: its columns (type, meaning, whether required, code list, a
per-column check), its primary key, its references to other tables and its row-level checks. From that one
description come the DuckDB DDL (with PRIMARY KEY, NOT NULL and CHECK constraints and column comments), the
loader's validation SQL (which sends failing rows to ``quarantine`` with their reasons instead of failing the
load) and ``casewatch schema``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from casewatch.model.sql import literal, quote_list  # quote_list: the rules import it from here


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # DuckDB type: VARCHAR, DATE, INTEGER, BOOLEAN, DECIMAL(4,2), DATE[] ...
    doc: str
    required: bool = True
    codes: tuple[str, ...] | None = None  # allowed values (union over all collection years)
    check: str | None = None  # SQL boolean over the column, written with {c} for the column
    check_doc: str | None = None  # what the check means, for messages
    references: str | None = None  # "table.column" this value must exist in
    in_ddl: bool = True  # False: code list checked by the loader only (lists that change by year)
    key: bool | None = None  # None: required references and required dates are keys (see ``is_key``)

    def check_sql(self, ref: str) -> str | None:
        return self.check.format(c=ref) if self.check else None

    @property
    def is_key(self) -> bool:
        """Whether a record cannot be placed without this value (decision 0017): a required reference (the
        child, the referral, the worker, the council) or a required date that places the record in time (DECOM,
        referral date...). A load refuses a record whose key is missing or unusable; any other fault is
        loaded as unknown and reported. Primary-key columns are keys too (``Table.key_columns``)."""
        if self.key is not None:
            return self.key
        return self.required and (self.references is not None or self.type == "DATE")


@dataclass(frozen=True)
class RowCheck:
    """A rule over several columns of one row. ``sql`` is true for a GOOD row; NULLs pass (as in SQL CHECK)."""

    sql: str
    message: str


@dataclass(frozen=True)
class Repair:
    """A fault a record can carry and still be counted (decision 0017): rows where ``where`` holds are loaded
    with ``set`` applied, and each is reported as an issue of rule ``rule`` on ``field``. SQL over the merged
    rows of the table, which the statement sees as ``m``; ``using`` may add a derived table ``n`` joined on the
    primary key (for facts about a record's neighbours, such as the child's next episode)."""

    rule: str
    field: str
    where: str
    set: str | None  # None: the fault is only reported (the value stays as it is)
    message: str
    using: str | None = None


@dataclass(frozen=True)
class Table:
    name: str
    doc: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    checks: tuple[RowCheck, ...] = field(default_factory=tuple)
    repairs: tuple[Repair, ...] = field(default_factory=tuple)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def key_columns(self) -> set[str]:
        return set(self.primary_key) | {c.name for c in self.columns if c.is_key}

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name!r}")


def _column_ddl(col: Column) -> str:
    parts = [col.name, col.type]
    if col.is_key:  # a required value that is not a key may be loaded as unknown (decision 0017)
        parts.append("NOT NULL")
    conditions = []
    if col.codes and col.in_ddl:
        conditions.append(f"{col.name} IN ({quote_list(col.codes)})")
    if col.check:
        conditions.append(col.check_sql(col.name))
    if conditions:
        parts.append("CHECK (" + " AND ".join(f"({c})" for c in conditions) + ")")
    return " ".join(parts)


def table_ddl(table: Table) -> str:
    """CREATE TABLE with the constraints that are certain, plus COMMENT statements."""
    lines = [_column_ddl(c) for c in table.columns]
    lines.append(f"PRIMARY KEY ({', '.join(table.primary_key)})")
    lines.extend(f"CHECK ({chk.sql})" for chk in table.checks)
    body = ",\n  ".join(lines)
    statements = [f"CREATE TABLE {table.name} (\n  {body}\n)"]
    statements.append(f"COMMENT ON TABLE {table.name} IS {literal(table.doc)}")
    statements.extend(
        f"COMMENT ON COLUMN {table.name}.{c.name} IS {literal(c.doc)}" for c in table.columns
    )
    return ";\n".join(statements) + ";"


def create_model(con, tables: tuple[Table, ...]) -> None:
    for table in tables:
        con.execute(table_ddl(table))
