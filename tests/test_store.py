"""A load that is killed half-way leaves the last good database readable and unchanged."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from casewatch.model.load import load_directory
from casewatch.model.store import StoreError, open_readonly


def _count(db, table="children"):
    with open_readonly(db) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_killed_load_leaves_previous_database(councils, tmp_path):
    db = tmp_path / "cw.duckdb"
    load_directory(councils.synth(size="tiny", seed=1), db)
    before_bytes, before_children = db.read_bytes(), _count(db)

    bigger = councils.synth(size="small", seed=2)
    proc = subprocess.Popen(
        [sys.executable, "-m", "casewatch.cli", "load", str(bigger), "--db", str(db)],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env={**os.environ, "COLUMNS": "120"},
    )
    for line in proc.stderr:  # wait until the new database is half written
        if "loading visits" in line:
            break
    else:
        pytest.fail("the load finished or failed before it could be killed")
    staging = list(tmp_path.glob(".cw.duckdb.loading-*"))
    assert staging, "a load must write a new file, not the live one"
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    assert db.read_bytes() == before_bytes
    assert _count(db) == before_children
    # the next load clears what the killed one left and replaces the database
    load_directory(bigger, db)
    assert not [p for p in tmp_path.glob(".cw.duckdb.loading-*") if not p.name.endswith(".lock")]
    assert _count(db) > before_children


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no database here"):
        open_readonly(tmp_path / "none.duckdb")


def test_not_a_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_text("hello")
    with pytest.raises(StoreError, match="not a DuckDB database"):
        open_readonly(bad)
