"""Put what the readers typed into DuckDB staging tables (schemas ssda903, cin, annex_a, swwc, cms).

A reader whose file is too big for Python rows (the ONS postcode directory) leaves a stager in
``ReturnFile.extra["stage"]`` instead: called here with the connection, it inserts straight from the file with
DuckDB and sets the file's ``records`` (or ``error``).

Staging tables are the input to ``rules/`` and to the mapping onto the canonical model. Every staging
table in ``STAGING`` exists after ``create_staging`` (empty if no file filled it), so rules and mappings
never have to ask whether a table is there.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import gc

import pyarrow as pa

from casewatch.model.sql import identifier
from casewatch.returns.core import ReturnFile, TableBuilder
from casewatch.returns.staging import STAGING

_ARROW = {
    "VARCHAR": pa.string(), "ID": pa.string(), "CODE": pa.string(), "DATE": pa.date32(), "INTEGER": pa.int32(),
    "DECIMAL": pa.float64(), "BOOLEAN": pa.bool_(), "DATE[]": pa.list_(pa.date32()),
    "VARCHAR[]": pa.list_(pa.string()),
}


def create_staging(con) -> None:
    for schema in sorted({t.schema for t in STAGING.values()}):
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    for table in STAGING.values():
        con.execute(table.ddl())


def _arrow(builder: TableBuilder, file: ReturnFile) -> pa.Table:
    n = len(builder)
    cols = builder.columns
    arrays = {
        "_file": pa.array([file.path] * n, pa.string()),
        "_row": pa.array(cols["_row"], pa.int64()),
        "_year": pa.array([file.year] * n, pa.int32()),
        "_bad": pa.array(cols["_bad"], pa.string()),
    }
    if builder.table.nested:
        arrays["_line"] = pa.array(cols["_line"], pa.int64())
    for f in builder.table.fields:
        arrays[f.name] = pa.array(cols[f.name], _ARROW[f.type])
    return pa.table(arrays)


def stage(con, files: list[ReturnFile]) -> None:
    """Create every staging table and insert the rows of every readable file."""
    create_staging(con)
    for file in files:
        if file.error:
            continue
        if "stage" in file.extra:  # a reader too big for Python rows (the postcode directory) stages itself
            file.extra["stage"](con)
        for qualified, builder in file.tables.items():
            if not len(builder):
                continue
            data = _arrow(builder, file)  # noqa: F841 (read by DuckDB's replacement scan)
            names = ", ".join(identifier(c) for c in data.column_names)
            con.execute(f"INSERT INTO {qualified} ({names}) SELECT {names} FROM data")


def release(files: list[ReturnFile]) -> None:
    """Let go of the staged files' Python rows (a 400,000-row file held ~400 MB of them through the rest of a
    load) and return the memory to the system (glibc keeps freed memory for the process otherwise), so the
    database work that follows does not stack on top of what reading used. The files keep their counts and
    issues; their ``tables`` are empty afterwards."""
    for file in files:
        for builder in file.tables.values():
            for column in builder.columns.values():
                column.clear()
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc (macOS, musl): Python reuses it instead
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
