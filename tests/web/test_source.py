"""The analytics database is read-only to the app, and a replaced file is picked up without a restart."""

from __future__ import annotations

import os
import shutil

import duckdb
import pytest

from casewatch.web.source import NoData, Source


def test_cache_notices_a_replaced_file(world, tmp_path):
    path = tmp_path / "a.duckdb"
    shutil.copy(world.db, path)
    src = Source(path)
    calls = []

    def compute():
        calls.append(1)
        with src.connect() as (con, _):
            return con.execute("SELECT count(*) FROM children").fetchone()[0]

    first = src.memo("children", compute)
    assert src.memo("children", compute) == first and len(calls) == 1
    fresh = tmp_path / "b.duckdb"
    shutil.copy(world.db, fresh)
    con = duckdb.connect(str(fresh))
    con.execute("DELETE FROM children WHERE child_id = (SELECT min(child_id) FROM children)")
    con.close()
    os.replace(fresh, path)  # a reload moved over the old file
    assert src.memo("children", compute) == first and len(calls) == 1  # the old file is served until rebuilt
    assert src.wait_warm(60)
    assert src.memo("children", compute) == first - 1 and len(calls) == 2


def test_connection_is_read_only(world):
    with Source(world.db).connect() as (con, _), pytest.raises(duckdb.Error):
        con.execute("DELETE FROM db.children")


def test_missing_file_is_no_data(tmp_path):
    with pytest.raises(NoData):
        Source(tmp_path / "nothing.duckdb").context()
