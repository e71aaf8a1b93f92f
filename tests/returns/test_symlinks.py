"""Issue 23: a symbolic link (or a pipe, device, socket) inside a folder of returns is refused, named, and never
read, unless --follow-symlinks is given. A teams.csv linked to a password file once put its first line into the
issues table and the issues file."""

import csv
import os
import threading

import duckdb
import pytest

from casewatch import jobs
from casewatch.cli import main
from casewatch.ingest.pipeline import validate
from casewatch.model.load import load_directory
from casewatch.returns.inputs import input_files

SECRET = "root:x:0:0:root:/root:/bin/bash"


@pytest.fixture(scope="module")
def council(tmp_path_factory):
    """A tiny council's case-management extract and CIN census, its teams.csv a link to a password file."""
    root = tmp_path_factory.mktemp("symlinks")
    jobs.synth(root / "synth", size="tiny", years=2, formats=("parquet", "returns"))
    (root / "passwd").write_text(SECRET + "\n")
    teams = root / "synth" / "returns" / "cms" / "teams.csv"
    teams.unlink()
    teams.symlink_to(root / "passwd")
    return root


def _folders(council):
    return [str(council / "synth" / "returns" / "cms"), str(council / "synth" / "returns" / "cin")]


def _text_everywhere(db) -> list[str]:
    """Every text value of every table of the database (issues, quarantine, loads, the model)."""
    with duckdb.connect(str(db), read_only=True) as con:
        cols = con.execute("SELECT table_schema, table_name, column_name FROM information_schema.columns "
                           "WHERE data_type LIKE 'VARCHAR%' OR data_type = 'JSON'").fetchall()
        assert any(t == "data_issues" for _, t, _ in cols) and any(t == "quarantine" for _, t, _ in cols)
        return [v for s, t, c in cols
                for (v,) in con.execute(f'SELECT CAST("{c}" AS VARCHAR) FROM "{s}"."{t}" '
                                        f'WHERE "{c}" IS NOT NULL').fetchall()]


def test_linked_file_refused_named_and_never_read(council, capsys):
    db, report = council / "refused.duckdb", council / "issues.csv"
    assert main(["load", *_folders(council), "--db", str(db), "--issues", str(report)]) == 0
    with duckdb.connect(str(db), read_only=True) as con:
        refused = con.execute("SELECT source_file, rule, message FROM data_issues WHERE source_file LIKE '%teams.csv'").fetchall()
        loads = con.execute("SELECT source_file, note FROM loads WHERE source_file LIKE '%teams.csv'").fetchall()
    assert len(refused) == 1 and refused[0][1] == "CW-FILE"
    assert "teams.csv: a symbolic link: not followed; give --follow-symlinks to read it" in refused[0][2]
    assert len(loads) == 1 and "symbolic link" in loads[0][1]  # the load's summary counts the file
    values = _text_everywhere(db)
    assert len(values) > 1000  # the other files were loaded
    assert not [v for v in values if "root:x:0:0" in v]
    rows = list(csv.DictReader(report.open(encoding="utf-8")))
    assert any(r["file"].endswith("teams.csv") and "symbolic link" in r["message"] for r in rows)
    assert "root:x:0:0" not in report.read_text(encoding="utf-8")
    assert "root:x:0:0" not in capsys.readouterr().out


def test_follow_symlinks_reads_the_link(council):
    run = validate(_folders(council), follow_symlinks=True)
    teams = [f for f in run.files if f.path.endswith("teams.csv")]
    assert len(teams) == 1 and teams[0].kind == "cms" and teams[0].error is None  # read, as a CMS file
    # and it fails as one: the password line is not a teams header
    assert {"required column team_id is missing", "required column service is missing"} <= {
        i.message for i in run.issues if i.file.endswith("teams.csv")}
    assert any(SECRET in i.message for i in run.issues)  # what the refusal keeps out of the issues


def test_pipe_refused_without_blocking(tmp_path):
    folder = tmp_path / "returns"
    folder.mkdir()
    (folder / "CIN_2026.xml").write_text("<Message/>")
    os.mkfifo(folder / "extract.csv")
    out: list = []
    worker = threading.Thread(target=lambda: out.append(input_files([folder], follow_symlinks=True)), daemon=True)
    worker.start()
    worker.join(5)
    assert not worker.is_alive(), "reading the folder waited on a named pipe"
    found, refused = out[0]
    assert found == [folder / "CIN_2026.xml"]
    assert [r.error for r in refused] == [f"{folder / 'extract.csv'}: a named pipe, not a file: not read"]


def test_linked_folder_not_entered(tmp_path):
    elsewhere, folder = tmp_path / "elsewhere", tmp_path / "returns"
    elsewhere.mkdir()
    folder.mkdir()
    (elsewhere / "teams.csv").write_text(SECRET)
    (folder / "more").symlink_to(elsewhere)
    found, refused = input_files([folder])
    assert found == [] and [r.path for r in refused] == [str(folder / "more")]
    found, refused = input_files([folder], follow_symlinks=True)
    assert found == [folder / "more" / "teams.csv"] and refused == []


def test_canonical_folder_link_noted_not_read(council):
    source = council / "synth"
    real = source / "children.parquet"
    target = council / "children_elsewhere.parquet"
    real.rename(target)
    real.symlink_to(target)
    try:
        report = load_directory(source, council / "canonical.duckdb")
        children = [r for r in report.tables if r.table == "children"][0]
        assert children.rows_read == 0 and "symbolic link" in children.note
        report = load_directory(source, council / "canonical2.duckdb", follow_symlinks=True)
        assert [r for r in report.tables if r.table == "children"][0].rows_loaded > 0
    finally:
        real.unlink()
        target.rename(real)
