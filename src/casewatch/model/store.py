"""The analytics store: one DuckDB file, replaced whole by each load, opened read-only by everyone else.

A load writes a new file beside the old one and, only when it is complete and checkpointed, renames it over
the old one (``os.replace`` is atomic on POSIX within one directory). A load that fails or is killed leaves
the last good database exactly as it was; its half-written file is removed by the next load.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

import duckdb

from casewatch.errors import CasewatchError
from casewatch.model.sql import literal

SYSTEM_DDL = """
CREATE TABLE quarantine (
  quarantine_id BIGINT PRIMARY KEY,
  load_id VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  table_name VARCHAR NOT NULL,
  source_table VARCHAR,
  row_number BIGINT NOT NULL,
  reasons VARCHAR[] NOT NULL CHECK (len(reasons) > 0),
  record JSON NOT NULL
);
COMMENT ON TABLE quarantine IS 'Input rows refused by the load, each with every reason it failed. Child-level: never printed, only counted.';
COMMENT ON COLUMN quarantine.table_name IS 'Canonical table the row was refused from ((none) if no canonical table takes it).';
COMMENT ON COLUMN quarantine.source_table IS 'Staging table of the return it came from (ssda903.episodes, cin.cin_details...); NULL for Parquet loads.';
COMMENT ON COLUMN quarantine.row_number IS 'Where the row is in its source file: the line of a CSV (header = 1) or XML element, the row of an xlsx sheet; for Parquet, the data row counting from 1.';
COMMENT ON COLUMN quarantine.reasons IS 'Every rule the row broke, as "column: what is wrong" (values are not repeated here).';
COMMENT ON COLUMN quarantine.record IS 'The row as read, as JSON.';
CREATE TABLE loads (
  load_id VARCHAR NOT NULL,
  loaded_at TIMESTAMP NOT NULL,
  table_name VARCHAR NOT NULL,
  source_file VARCHAR,
  rows_read BIGINT NOT NULL,
  rows_loaded BIGINT NOT NULL,
  rows_quarantined BIGINT NOT NULL,
  note VARCHAR,
  PRIMARY KEY (load_id, table_name),
  CHECK (rows_read = rows_loaded + rows_quarantined)
);
CREATE TABLE data_issues (
  load_id VARCHAR NOT NULL,
  source_file VARCHAR,
  table_name VARCHAR,
  row_number BIGINT,
  child_id VARCHAR,
  field VARCHAR,
  rule VARCHAR NOT NULL,
  severity VARCHAR NOT NULL CHECK (severity IN ('error', 'query', 'failed')),
  message VARCHAR NOT NULL,
  feeds VARCHAR[],
  value VARCHAR,
  expected VARCHAR
);
COMMENT ON COLUMN data_issues.value IS 'What the field held, as the file had it (child-level).';
COMMENT ON COLUMN data_issues.expected IS 'What the rule allows in the field, where it can say (e.g. the year''s codes).';
COMMENT ON COLUMN data_issues.feeds IS 'The canonical tables the record''s table feeds (so a figure can say how many of the records it uses carry an issue).';
COMMENT ON TABLE data_issues IS 'Every data-quality issue found by the last load of returns: where (file, table, row, child, field) and which rule. Child-level.';
COMMENT ON TABLE loads IS 'One row per table per load: what was read, loaded and quarantined. Counts reconcile.';
"""


CATALOG = "casewatch"  # the name SQL sees the database by, whatever the file is called


class StoreError(CasewatchError):
    """The database cannot be opened or written as asked."""


def open_readonly(db_path: str | os.PathLike) -> duckdb.DuckDBPyConnection:
    """Open the analytics database for reading. Everything but a load uses this."""
    con = configure(duckdb.connect())
    attach_readonly(con, db_path, CATALOG)
    con.execute(f"USE {CATALOG}")
    return con


def attach_readonly(con: duckdb.DuckDBPyConnection, db_path: str | os.PathLike, alias: str) -> None:
    """Attach the analytics database to ``con`` read-only as ``alias``, or raise a StoreError that says plainly
    what is wrong with the file (missing, not DuckDB, not a casewatch database). The alias is ours, never the
    file's name: a file called ``cin.duckdb`` must not clash with the ``cin`` schema."""
    path = Path(db_path)
    if not path.exists():
        raise StoreError(f"{path}: no database here; run 'casewatch load' first")
    if not path.is_file():
        raise StoreError(f"{path}: not a file (give the .duckdb file that 'casewatch load' wrote)")
    try:
        with open(path, "rb") as fh:
            magic = fh.read(12)[8:12]
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read ({exc.strerror})") from None
    if magic != b"DUCK":
        raise StoreError(f"{path}: not a DuckDB database (give the .duckdb file that 'casewatch load' wrote)")
    try:
        con.execute(f"ATTACH {literal(path)} AS {alias} (READ_ONLY)")
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot be opened as a casewatch database ({type(exc).__name__})") from None
    found = con.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = ? AND schema_name = 'main' "
                        "AND table_name = 'councils'", [alias]).fetchone()[0]
    if not found:
        con.execute(f"DETACH {alias}")
        raise StoreError(f"{path}: a DuckDB file, but not a casewatch database (no councils table); "
                         "make one with 'casewatch load'")
    missing = _missing_columns(con, alias)
    if missing:
        con.execute(f"DETACH {alias}")
        raise StoreError(f"{path}: made by an older casewatch, without {', '.join(missing[:5])}"
                         f"{' and more' if len(missing) > 5 else ''}; load the files again with 'casewatch load'")


def _missing_columns(con, alias: str) -> list[str]:
    """The model's columns (table.column) an attached database lacks: one loaded by an older casewatch."""
    from casewatch.model import TABLES

    have = {r[0] for r in con.execute("SELECT table_name || '.' || column_name FROM duckdb_columns() "
                                      "WHERE database_name = ? AND schema_name = 'main'", [alias]).fetchall()}
    tables = {name.split(".")[0] for name in have}
    return [f"{t.name}.{c.name}" for t in TABLES if t.name in tables for c in t.columns
            if f"{t.name}.{c.name}" not in have]


def _staging_prefix(path: Path) -> str:
    return f".{path.name}.loading-"


def configure(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Apply ``CASEWATCH_MEMORY_LIMIT`` (e.g. "6GB": DuckDB spills to disk beyond it) to a connection. DuckDB's
    own default is 80% of the machine's memory, which a pool of every council in England reaches (9.1 GB)."""
    limit = os.environ.get("CASEWATCH_MEMORY_LIMIT")
    if limit:
        con.execute("SET memory_limit = ?", [limit])
    return con


@contextlib.contextmanager
def write_new(db_path: str | os.PathLike) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a connection to a brand-new database that replaces ``db_path`` only if the block succeeds."""
    path = Path(db_path).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = path.with_name(f".{path.name}.lock")
    with open(lock_path, "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(f"{path}: another load is writing this database") from None
        for stale in path.parent.glob(_staging_prefix(path) + "*"):
            stale.unlink()  # left by a load that was killed; we hold the lock, so nobody is writing it
        staging = path.with_name(f"{_staging_prefix(path)}{os.getpid()}")
        con = configure(duckdb.connect())
        con.execute(f"ATTACH {literal(staging)} AS {CATALOG}")
        con.execute(f"USE {CATALOG}")
        try:
            yield con
            con.execute("CHECKPOINT")
            con.close()
            _fsync(staging)
            os.replace(staging, path)
            _fsync(path.parent)
        except BaseException:
            with contextlib.suppress(Exception):
                con.close()
            for leftover in (staging, staging.with_name(staging.name + ".wal")):
                leftover.unlink(missing_ok=True)
            raise


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
