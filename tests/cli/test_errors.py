"""Errors, never tracebacks: every command, given what users really give it, answers in one line naming the file or
option and exits 2. Each case runs the installed ``casewatch`` in its own process."""

from __future__ import annotations

import json

import pytest

from casewatch.model.load import load_directory

from .helpers import run

END = "2026-03-31"
# every command that reads an analytics database, with what else it needs to get as far as opening it
READERS = {
    "summary": [], "indicators": [], "lists": [], "caseloads": [], "forecast": [], "allocate": [],
    "report": ["--out", "{tmp}/report"], "export": ["--out", "{tmp}/export", "--key-file", "{key}"],
    "compare": [], "serve": ["--port", "1"],
}


@pytest.fixture(scope="module")
def db(councils, tmp_path_factory):
    _, path = councils.loaded(size="tiny", seed=1)
    return path


def _one_line_error(result, *words: str) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("casewatch"), result.stderr
    for w in words:
        assert w in lines[0], (w, lines[0])
    return lines[0]


def _args(extra: list[str], tmp_path) -> list[str]:
    if "{key}" in extra:
        from casewatch.pool.pseudonymise import new_key

        new_key(tmp_path / "pool.key")
    return [a.replace("{tmp}", str(tmp_path)).replace("{key}", str(tmp_path / "pool.key")) for a in extra]


@pytest.mark.parametrize("command", list(READERS))
def test_a_missing_database(command, tmp_path):
    r = run(command, "--db", tmp_path / "nope.duckdb", *_args(READERS[command], tmp_path), expect=2, timeout=60)
    _one_line_error(r, "nope.duckdb", "no database here")


@pytest.mark.parametrize("command", list(READERS))
def test_a_file_that_is_not_duckdb(command, tmp_path):
    bad = tmp_path / "notes.duckdb"
    bad.write_text("minutes of the strategy meeting\n")
    r = run(command, "--db", bad, *_args(READERS[command], tmp_path), expect=2, timeout=60)
    _one_line_error(r, "notes.duckdb", "not a DuckDB database")


@pytest.mark.parametrize("command", ["summary", "lists", "report"])
def test_a_duckdb_file_that_is_not_casewatch(command, tmp_path):
    import duckdb

    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t AS SELECT 1 AS x").close()
    r = run(command, "--db", other, *_args(READERS[command], tmp_path), expect=2)
    _one_line_error(r, "other.duckdb", "not a casewatch database")


@pytest.mark.parametrize("command", ["summary", "lists", "report"])
def test_a_folder_given_as_the_database(command, tmp_path):
    r = run(command, "--db", tmp_path, *_args(READERS[command], tmp_path / "x"), expect=2)
    _one_line_error(r, "not a file")


@pytest.mark.parametrize("name", ["cin.duckdb", "ssda903.duckdb", "annex_a.duckdb", "main.duckdb", "db.duckdb"])
def test_database_names_that_are_also_internal_names(name, councils, tmp_path):
    """A file called cin.duckdb or ssda903.duckdb crashed a load of returns (the file's name became a catalog
    that clashed with the cin and ssda903 schemas); the figures must equal those of any other name."""
    from casewatch.returns.write_all import write_returns

    src = councils.synth(size="tiny", seed=1)
    returns = tmp_path / "returns"
    write_returns(src, returns)
    run("load", returns / "ssda903", returns / "cin", "--db", tmp_path / name)
    run("load", returns / "ssda903", returns / "cin", "--db", tmp_path / "plain.duckdb")
    got = json.loads(run("summary", "--db", tmp_path / name, "--format", "json").stdout)
    plain = json.loads(run("summary", "--db", tmp_path / "plain.duckdb", "--format", "json").stdout)
    assert got == plain and got["cla_at_31_march"] > 0
    run("lists", "--db", tmp_path / name, "--format", "json")


def test_set_with_a_value_that_is_not_a_number(db):
    _one_line_error(run("indicators", "--db", db, "--set", "cap=abc", expect=2), "cap=abc", "must be a number")


def test_set_with_a_name_no_indicator_has(db):
    _one_line_error(run("indicators", "--db", db, "--set", "capp=18", expect=2), "capp", "no indicator has a setting")


def test_set_without_a_value(db):
    _one_line_error(run("indicators", "--db", db, "--set", "cap", expect=2), "NAME=VALUE")


def test_set_changes_the_figure(db):
    def over_cap(cap: str) -> float:
        got = json.loads(run("indicators", "--db", db, "--id", "caseload_over_cap_pct", "--set", f"cap={cap}",
                             "--format", "json").stdout)
        return got[0]["value"]

    assert over_cap("5") > over_cap("40")


@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_lists_out_is_honoured(fmt, db, tmp_path):
    target = tmp_path / f"lists.{fmt}"
    r = run("lists", "--db", db, "--date", END, "--format", fmt, "--out", target)
    assert r.stdout == "" and target.stat().st_size > 100
    if fmt == "json":
        assert isinstance(json.loads(target.read_text()), list)
    if fmt == "table":
        assert "\x1b[" not in target.read_text()  # plain text in a file, not terminal colour codes


@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_compare_out_is_honoured(fmt, councils, tmp_path):
    out, _ = councils.loaded(size="tiny", seed=1)
    pooled = tmp_path / "pool.duckdb"
    load_directory(out, pooled)
    target = tmp_path / f"compare.{fmt}"
    r = run("compare", "--db", pooled, "--format", fmt, "--indicator", "cla_at_31_march", "--out", target)
    assert r.stdout == "" and ("cla_at_31_march" in target.read_text() or "Children in care" in target.read_text())


def test_forecast_table_out_is_honoured(db, tmp_path):
    target = tmp_path / "forecast.txt"
    r = run("forecast", "--db", db, "--runs", "100", "--no-backtest", "--out", target)
    assert r.stdout == "" and "children in care" in target.read_text()


def test_a_piped_load_prints_whole_file_names(councils, tmp_path):
    from casewatch.returns.write_all import write_returns

    deep = tmp_path / ("a-folder-with-a-long-name-" * 4) / "returns"
    write_returns(councils.synth(size="tiny", seed=1), deep)
    r = run("validate", deep / "cin")
    for f in (deep / "cin").iterdir():
        assert str(f) in r.stdout


def test_an_unexpected_fault_is_one_line_without_the_data(db, monkeypatch, capsys):
    """A fault in casewatch itself: one line naming the command, exit 70, and nothing from the exception's message
    (which may hold a child's identifier)."""
    from casewatch import cli, jobs

    def broken(*args, **kwargs):
        raise KeyError("X01C0000016")

    monkeypatch.setattr(jobs, "summary", broken)
    monkeypatch.delenv("CASEWATCH_DEBUG", raising=False)
    assert cli.main(["summary", "--db", str(db)]) == 70
    err = capsys.readouterr().err
    assert "casewatch summary: unexpected KeyError" in err and "X01C0000016" not in err and "Traceback" not in err


def test_unknown_list_and_bad_dates_are_clear(db):
    _one_line_error(run("lists", "--db", db, "--list", "nonsense", expect=2), "no list nonsense")
    _one_line_error(run("lists", "--db", db, "--date", "2099-01-01", expect=2), "the data runs to")
    r = run("summary", "--db", db, "--period-end", "31/03/2026", expect=2)
    assert "not a date in the form YYYY-MM-DD" in r.stderr
