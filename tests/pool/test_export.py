"""A real (tiny synthetic) council's export: nothing identifying survives, pseudonyms are stable per key and
change with it, every row is there, and the 903 CSVs are written for each year with pseudonyms for CHILD."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from casewatch.cli import main
from casewatch.model import TABLES
from casewatch.pool import policy
from casewatch.pool.export import export
from casewatch.pool.pseudonymise import PSEUDONYM_RE, fingerprint, pseudonym
from casewatch.returns.ssda903 import spec

KEY_A = bytes(range(32))
KEY_B = bytes(range(1, 33))


@pytest.fixture(scope="module")
def exports(councils, tmp_path_factory):
    _, db = councils.loaded(size="tiny", seed=1)
    root = tmp_path_factory.mktemp("pool_export")
    made = {name: (export(db, root / name, key), root / name) for name, key in
            (("a", KEY_A), ("a_again", KEY_A), ("b", KEY_B))}
    return db, made


def _source(db: Path, sql: str) -> list:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _text(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [s for v in value for s in _text(v)]
    if isinstance(value, dt.date):
        return [value.isoformat(), value.strftime("%d/%m/%Y")]
    return [str(value)]


def _values(folder: Path) -> set[str]:
    """Every value in the export as text: each Parquet cell (dates in both spellings), each CSV cell, each
    string in the manifest."""
    out: set[str] = set()
    for path in (folder / "parquet").glob("*.parquet"):
        for column in pq.read_table(path).to_pydict().values():
            for v in column:
                out.update(_text(v))
    for path in (folder / "ssda903").glob("*.csv"):
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.reader(fh):
                out.update(row)
    out.update(re.findall(r'"([^"]*)"', (folder / "manifest.json").read_text()))
    return out


def _raw(folder: Path) -> str:
    """Every byte of every file in the export, as one string."""
    return "\n".join(p.read_bytes().decode("latin-1") for p in sorted(folder.rglob("*")) if p.is_file())


# Written out here, not read from the policy, so that a policy that forgets one fails these tests.
BIRTH_DATES = {("children", "date_of_birth"), ("children", "uasc_ceased"), ("care_leavers", "birthday")}


def _identifier_columns() -> list[tuple[str, str]]:
    return [(t.name, c) for t in TABLES for c in t.column_names
            if (c.endswith("_id") and c not in ("council_id", "team_id")) or c in ("urn", "placement_urn")]


def _identifiers(db: Path) -> set[str]:
    out = set()
    for t, c in _identifier_columns():
        out |= {r[0] for r in _source(db, f"SELECT DISTINCT {c} FROM {t} WHERE {c} IS NOT NULL")}
    return out - {"XXXXXXX"}  # the 903's "no URN"


def test_no_original_identifier_survives(exports):
    db, made = exports
    originals = _identifiers(db)
    children = {r[0] for r in _source(db, "SELECT child_id FROM children")}
    workers = {r[0] for r in _source(db, "SELECT worker_id FROM workers")}
    assert len(children) > 10_000 and len(workers) > 50 and children | workers <= originals
    assert len(_identifier_columns()) > 25
    for _, folder in made.values():
        assert not originals & _values(folder)
        tokens = set(re.findall(r"[A-Za-z0-9]+", _raw(folder)))  # every byte, Parquet pages included
        assert not (children | workers) & tokens


def test_no_full_date_of_birth_survives(exports):
    """Birth dates, and dates that are birthdays, that are not the first of a month; less the dates of events
    kept as they are (a contact may fall on some child's birthday by chance): none is anywhere in the export."""
    db, made = exports
    births, kept_dates = set(), set()
    for t in TABLES:
        for c in t.columns:
            if c.type.startswith("DATE"):
                rows = _source(db, f"SELECT DISTINCT {c.name} FROM {t.name} WHERE {c.name} IS NOT NULL")
                dates = {d for r in rows for d in (r[0] if isinstance(r[0], list) else [r[0]])}
                if (t.name, c.name) in BIRTH_DATES:
                    births |= dates
                else:
                    kept_dates |= dates
    telling = {d for d in births if d.day != 1} - kept_dates
    assert len(telling) > 100
    spelled = {s for d in telling for s in _text(d)}
    for _, folder in made.values():
        assert not spelled & _values(folder)
        raw = _raw(folder)
        assert not [s for s in spelled if s in raw]


def test_birth_dates_are_the_first_of_the_month(exports):
    _, made = exports
    _, folder = made["a"]
    for table, column in BIRTH_DATES:
        for d in pq.read_table(folder / "parquet" / f"{table}.parquet").column(column).to_pylist():
            assert d is None or d.day == 1, (table, column)
    for path in (folder / "ssda903").glob("*.csv"):
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for col in ("DOB", "MC_DOB"):
                    assert not row.get(col) or row[col].startswith("01/"), (path.name, col)


def test_no_full_postcode_or_upn_survives(exports):
    from casewatch.pool.pseudonymise import district

    db, made = exports
    postcodes = {r[0] for r in _source(db, """SELECT home_postcode FROM cla_episodes UNION SELECT placement_postcode
                                               FROM cla_episodes UNION SELECT placement_postcode FROM cla_snapshots""")}
    full = {p for p in postcodes if p is not None and district(p) != p}
    assert len(full) > 10
    for _, folder in made.values():
        raw = _raw(folder)
        assert not [p for p in full if p in raw]
        episodes = pq.read_table(folder / "parquet" / "cla_episodes.parquet").to_pydict()
        assert all(p is None or re.fullmatch(r"[A-Z]{1,2}[0-9][A-Z0-9]?", p)
                   for p in episodes["home_postcode"] + episodes["placement_postcode"])
        # no UPN in the model; the 903 Header says only UN1/UN2 (no UPN), as the writer always has
        for path in (folder / "ssda903").glob("*_header.csv"):
            with open(path, newline="", encoding="utf-8") as fh:
                assert {r["UPN"] for r in csv.DictReader(fh)} <= {"UN1", "UN2"}
    assert not any("upn" in c for t in TABLES for c in t.column_names if policy.POLICY[t.name][c] != "drop")


def test_the_same_key_gives_the_same_export_and_another_key_shares_no_pseudonym(exports):
    _, made = exports
    (_, a), (_, again), (_, b) = made["a"], made["a_again"], made["b"]
    for t in TABLES:
        name = f"{t.name}.parquet"
        assert pq.read_table(a / "parquet" / name).equals(pq.read_table(again / "parquet" / name)), t.name
    for path in (a / "ssda903").glob("*.csv"):
        assert path.read_bytes() == (again / "ssda903" / path.name).read_bytes()

    def pseudonyms(folder):
        return {v for v in _values(folder) if PSEUDONYM_RE.match(v)}

    in_a, in_b = pseudonyms(a), pseudonyms(b)
    assert len(in_a) > 50_000 and len(in_b) == len(in_a)
    assert not in_a & in_b
    assert made["a"][0].key_fingerprint == made["a_again"][0].key_fingerprint == fingerprint(KEY_A)
    assert made["b"][0].key_fingerprint != made["a"][0].key_fingerprint


def test_pseudonyms_are_the_keyed_hash_and_still_join(exports):
    db, made = exports
    _, folder = made["a"]
    child, dob = _source(db, "SELECT child_id, date_of_birth FROM children ORDER BY child_id LIMIT 1")[0]
    children = pq.read_table(folder / "parquet" / "children.parquet").to_pydict()
    i = children["child_id"].index(pseudonym(KEY_A, "child", child))
    assert children["date_of_birth"][i] == dob.replace(day=1)
    referrals = set(pq.read_table(folder / "parquet" / "referrals.parquet").column("referral_id").to_pylist())
    assessments = pq.read_table(folder / "parquet" / "assessments.parquet").column("referral_id").to_pylist()
    assert set(assessments) <= referrals
    ids = set(children["child_id"])
    for t in TABLES:
        if "child_id" in t.column_names:
            assert set(pq.read_table(folder / "parquet" / f"{t.name}.parquet").column("child_id").to_pylist()) <= ids


def test_manifest_counts_every_row_and_says_what_happened_to_every_column(exports):
    db, made = exports
    manifest, folder = made["a"]
    written = json.loads((folder / "manifest.json").read_text())
    assert written == manifest.as_dict()
    assert written["council_id"] == "X01" and written["key_fingerprint"] == fingerprint(KEY_A)
    for t in TABLES:
        entry = written["tables"][t.name]
        assert entry["rows"] == _source(db, f"SELECT count(*) FROM {t.name}")[0][0], t.name
        assert entry["rows"] == pq.read_metadata(folder / "parquet" / f"{t.name}.parquet").num_rows
        assert {c: a for c, a in entry["columns"].items() if c in t.column_names} == policy.POLICY[t.name]
        columns = pq.read_schema(folder / "parquet" / f"{t.name}.parquet").names
        assert "council_id" in columns
        assert set(columns) == {c for c, a in entry["columns"].items() if a != "drop"}
    assert written["dropped"] == ["teams.name", "workers.name", "previous_permanence.date_perm"]
    assert sum(e["rows"] for e in written["tables"].values()) > 80_000
    assert sorted(written["files"]) == sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_903_csvs_for_each_year_hold_pseudonyms(exports):
    _, made = exports
    manifest, folder = made["a"]
    assert manifest.ssda903_years == [2020, 2021, 2022, 2023, 2024, 2025, 2026]
    children = set(pq.read_table(folder / "parquet" / "children.parquet").column("child_id").to_pylist())
    workers = set(pq.read_table(folder / "parquet" / "workers.parquet").column("worker_id").to_pylist())
    for year in manifest.ssda903_years:
        tables = {"episodes", "header", "reviews", "missing", "oc2", "oc3", "placed_adoption", "ad1", "uasc"}
        if "social_worker" in spec.tables(year):
            tables.add("social_worker")
        for table in tables:
            path = folder / "ssda903" / f"SSDA903_{year}_{table}.csv"
            with open(path, newline="", encoding="utf-8") as fh:
                rows = list(csv.DictReader(fh))
            assert all(PSEUDONYM_RE.match(r["CHILD"]) and r["CHILD"] in children for r in rows), path.name
            assert all(r["SW_ID"] in workers for r in rows if "SW_ID" in r)
            if table in ("episodes", "header"):
                assert len(rows) > 10, path.name


def test_cli_export_and_its_errors(councils, tmp_path, capsys):
    _, db = councils.loaded(size="tiny", seed=1)
    key = tmp_path / "council.key"
    assert main(["export", "--db", str(db), "--out", str(tmp_path / "x"), "--key-file", str(key)]) == 2
    assert "no key file" in capsys.readouterr().err
    assert main(["export", "--db", str(db), "--out", str(tmp_path / "x"), "--key-file", str(key), "--new-key"]) == 0
    printed = capsys.readouterr()
    assert "exported X01" in printed.out and "903 for 2020-2026" in printed.out
    assert json.loads((tmp_path / "x" / "manifest.json").read_text())["key_fingerprint"] in printed.out
    assert main(["export", "--db", str(db), "--out", str(tmp_path / "x"), "--key-file", str(key)]) == 2
    assert "not an empty folder" in capsys.readouterr().err
    assert main(["export", "--db", str(db), "--out", str(tmp_path / "y"), "--key-file", str(key),
                 "--council", "Z99"]) == 2
    assert "no council 'Z99'" in capsys.readouterr().err
    key.write_bytes(b"too short")
    assert main(["export", "--db", str(db), "--out", str(tmp_path / "y"), "--key-file", str(key)]) == 2
    assert "at least 32 bytes" in capsys.readouterr().err
    assert not (tmp_path / "y").exists()


def test_a_regional_database_is_exported_one_council_at_a_time(councils, tmp_path):
    from casewatch.pool.export import ExportError

    _, db = councils.loaded(size="tiny", seed=2, councils=2)
    ids = [r[0] for r in _source(db, "SELECT council_id FROM councils ORDER BY 1")]
    assert len(ids) == 2
    with pytest.raises(ExportError, match="several councils"):
        export(db, tmp_path / "both", KEY_A)
    manifest = export(db, tmp_path / "second", KEY_A, council=ids[1])
    folder = tmp_path / "second" / "parquet"
    children = _source(db, f"SELECT count(*) FROM children WHERE council_id = '{ids[1]}'")[0][0]
    assert 0 < children < _source(db, "SELECT count(*) FROM children")[0][0]
    assert manifest.tables["children"]["rows"] == children
    for t in TABLES:
        assert set(pq.read_table(folder / f"{t.name}.parquet").column("council_id").to_pylist()) <= {ids[1]}
    episodes = _source(db, f"""SELECT count(*) FROM cla_episodes WHERE child_id IN
                               (SELECT child_id FROM children WHERE council_id = '{ids[1]}')""")[0][0]
    assert manifest.tables["cla_episodes"]["rows"] == episodes
