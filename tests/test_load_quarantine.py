"""Bad rows go to quarantine with every reason; nothing is lost; counts reconcile; bad files are named."""

from __future__ import annotations

import shutil

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from casewatch.model.load import LoadError, load_directory
from casewatch.model.store import open_readonly


@pytest.fixture
def source(councils, tmp_path):
    """A private copy of a tiny council's tables, safe to damage."""
    out = tmp_path / "src"
    shutil.copytree(councils.synth(size="tiny", seed=1), out)
    return out


def _edit(path, fn):
    rows = pq.read_table(path).to_pylist()
    rows = fn(rows)
    pq.write_table(pa.Table.from_pylist(rows, schema=pq.read_schema(path)), path)
    return rows


def _quarantine(db, table):
    with open_readonly(db) as con:
        return con.execute(
            "SELECT row_number, reasons FROM quarantine WHERE table_name = ? ORDER BY row_number", [table]
        ).fetchall()


def test_bad_rows_are_quarantined_with_reasons(source, tmp_path):
    def damage(rows):
        rows[0]["sex"] = "X"  # not a code
        rows[1]["date_of_birth"] = None  # required
        rows[2]["child_id"] = rows[3]["child_id"]  # duplicate key: row 3 (earlier) kept, row 4 refused
        return rows

    _edit(source / "children.parquet", damage)
    cp = _edit(source / "cp_plans.parquet", lambda rows: rows)
    first_cp = cp[0]
    first_cp["end_date"] = first_cp["start_date"].replace(year=first_cp["start_date"].year - 1)
    _edit(source / "cp_plans.parquet", lambda rows: [first_cp, *rows[1:]])

    report = load_directory(source, tmp_path / "cw.duckdb")
    by_table = {t.table: t for t in report.tables}
    assert all(t.reconciles for t in report.tables)
    children = by_table["children"]
    assert children.rows_quarantined == 3
    assert _quarantine(tmp_path / "cw.duckdb", "children") == [
        (1, ["sex: not in the code list"]),
        (2, ["date_of_birth: missing (required)"]),
        (4, ["duplicate primary key (child_id): an earlier row was kept"]),
    ]
    assert _quarantine(tmp_path / "cw.duckdb", "cp_plans")[0] == (1, ["end_date is before start_date"])
    # rows of the refused children are refused in turn, for a reason that names the parent table
    referrals = by_table["referrals"]
    assert referrals.reasons.get("child_id: not found in children", 0) >= 1
    assert report.rows_read == report.rows_loaded + report.rows_quarantined


def test_reasons_never_repeat_values(source, tmp_path):
    _edit(source / "children.parquet", lambda rows: [{**rows[0], "ethnicity": "SECRET-NAME"}, *rows[1:]])
    load_directory(source, tmp_path / "cw.duckdb")
    with open_readonly(tmp_path / "cw.duckdb") as con:
        reasons = con.execute("SELECT reasons::VARCHAR FROM quarantine").fetchall()
        record = con.execute("SELECT record::VARCHAR FROM quarantine").fetchone()[0]
    assert "SECRET-NAME" not in str(reasons)
    assert "SECRET-NAME" in record  # the row itself is kept, inside the database only


def test_text_dates_are_typed_or_refused(source, tmp_path):
    """A column of the wrong type is cast; what cannot be cast is refused, naming the field and type."""
    table = pq.read_table(source / "visits.parquet")
    dates = [d.isoformat() for d in table.column("visit_date").to_pylist()]
    dates[4] = "31/02/2024"
    table = table.set_column(table.schema.get_field_index("visit_date"), "visit_date", pa.array(dates))
    pq.write_table(table, source / "visits.parquet")
    report = load_directory(source, tmp_path / "cw.duckdb")
    visits = next(t for t in report.tables if t.table == "visits")
    assert visits.rows_quarantined == 1
    assert _quarantine(tmp_path / "cw.duckdb", "visits") == [(5, ["visit_date: not a valid DATE"])]
    assert visits.rows_loaded == len(dates) - 1


def test_missing_required_column_refuses_every_row(source, tmp_path):
    table = pq.read_table(source / "teams.parquet").drop(["service"])
    pq.write_table(table, source / "teams.parquet")
    report = load_directory(source, tmp_path / "cw.duckdb")
    teams = next(t for t in report.tables if t.table == "teams")
    assert teams.rows_loaded == 0 and teams.rows_quarantined == table.num_rows
    assert teams.reasons == {"service: the file has no such column (required)": table.num_rows}


def test_unreadable_file_is_named_and_the_rest_loads(source, tmp_path):
    (source / "missing_episodes.parquet").write_bytes(b"this is not parquet")
    report = load_directory(source, tmp_path / "cw.duckdb")
    missing = next(t for t in report.tables if t.table == "missing_episodes")
    assert missing.note.startswith("unreadable:")
    assert missing.rows_loaded == 0
    assert next(t for t in report.tables if t.table == "visits").rows_loaded > 0


def test_nothing_usable_leaves_the_previous_database(source, tmp_path):
    db = tmp_path / "cw.duckdb"
    load_directory(source, db)
    before = db.read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "children.parquet").write_bytes(b"garbage")
    with pytest.raises(LoadError, match="nothing usable was loaded"):
        load_directory(empty, db)
    assert db.read_bytes() == before
    assert not list(tmp_path.glob(".cw.duckdb.loading-*"))


def test_model_constraints_hold_in_the_database(councils, tmp_path):
    """The tables themselves refuse bad rows, whoever writes them (defence in depth behind the loader)."""
    _, db = councils.loaded(size="tiny", seed=1)
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db, copy)
    con = duckdb.connect(str(copy))
    child = con.execute("SELECT child_id, council_id FROM children LIMIT 1").fetchone()
    bad = [
        "INSERT INTO children VALUES ('new', NULL, DATE '2010-01-01', 'M', 'WBRI', false, false, NULL, NULL)",  # key
        "INSERT INTO children VALUES ('new', 'X01', DATE '2010-01-01', 'Q', 'WBRI', false, false, NULL, NULL)",  # code
        f"INSERT INTO children VALUES ('{child[0]}', 'X01', DATE '2010-01-01', 'M', 'WBRI', false, false, NULL, NULL)",
        "INSERT INTO workers VALUES ('w', 'X01', 't', 'social_worker', 1.5, false, false, DATE '2020-01-01', NULL, NULL)",
        "INSERT INTO cp_plans VALUES ('p', 'r', 'c', DATE '2024-01-01', DATE '2023-01-01', 'NEG', 'NEG', [])",
        "INSERT INTO cla_episodes (episode_id, child_id, decom, rne, legal_status, cin, place, dec, rec) "
        "VALUES ('e', 'c', NULL, 'S', 'C2', 'N1', 'U6', DATE '2024-02-01', 'E11')",  # no DECOM: not a key
    ]
    for sql in bad:
        with pytest.raises(duckdb.ConstraintException):
            con.execute(sql)
    con.close()


def test_readers_cannot_write(councils):
    _, db = councils.loaded(size="tiny", seed=1)
    with open_readonly(db) as con, pytest.raises(duckdb.Error):
        con.execute("DELETE FROM children")


def test_impossible_dates_in_a_canonical_folder_are_refused_as_the_readers_refuse_them(source, tmp_path):
    """A date before 1900 or after next year is refused by the canonical load too (it was stored: a visit in
    9999 made a child's next visit due in the year 10000); a UASC child's 18th birthday may run ahead."""
    import datetime as dt

    from casewatch.returns.core import latest_year

    def damage(rows):
        rows[0]["visit_date"] = dt.date(9999, 1, 1)
        rows[1]["visit_date"] = dt.date(1812, 6, 1)
        rows[2]["visit_date"] = dt.date(latest_year(), 12, 31)  # the last possible day: kept
        return rows

    _edit(source / "visits.parquet", damage)
    report = load_directory(source, tmp_path / "cw.duckdb")
    assert all(t.reconciles for t in report.tables)
    said = f"visit_date: impossible date: before 1900 or after {latest_year()}"
    assert _quarantine(tmp_path / "cw.duckdb", "visits")[:2] == [(1, [said]), (2, [said])]
    assert len(_quarantine(tmp_path / "cw.duckdb", "visits")) == 2
