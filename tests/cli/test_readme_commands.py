"""The README's commands, run as a user types them: each in its own process, through the installed ``casewatch``
script, on a tiny synthetic council. Each must exit 0 and make what the README says it makes.

The table of commands is read from README.md: a command added there without an invocation here fails
``test_every_readme_command_is_exercised``, so no command can be documented untested. ``make run`` itself is run
too, up to the dashboard answering (on a free port, into a temporary folder).
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from shared_data import missing

from .helpers import ROOT, free_port, run

README = ROOT / "README.md"
END = "2026-03-31"


def readme_commands() -> list[str]:
    """Every backticked ``casewatch ...`` in the first column of the README's Commands table."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    found = []
    for line in section.splitlines():
        if line.startswith("| `casewatch"):
            first_cell = line.split(" | ")[0]
            found += re.findall(r"`(casewatch [^`]+)`", first_cell)
    return found


def key(command: str) -> str:
    """``casewatch users list | set-role ...`` -> ``users list``; ``casewatch synth ... --formats x`` -> ``synth
    --formats``: the command words, and the option a continuation row is about."""
    tokens = command.split()[1:]
    words = []
    for t in tokens:
        if not re.fullmatch(r"[a-z][a-z-]*", t):
            break
        words.append(t)
    rest = tokens[len(words):]
    if rest[:1] == ["..."] and len(rest) > 1:
        words.append(rest[1])
    return " ".join(words)


# --- the council every command works on, made by the README's own commands -------------------------------------
@pytest.fixture(scope="module")
def ws(tmp_path_factory):
    w = tmp_path_factory.mktemp("readme")
    run("synth", "--out", w / "council", "--size", "tiny", "--scenario", "pressure", "--end", END,
        "--formats", "parquet,returns")
    run("load", w / "council", "--db", w / "council.duckdb")
    return w


def _json(result) -> object:
    return json.loads(result.stdout)


def check_synth(ws):
    out = ws / "two"
    r = run("synth", "--out", out, "--size", "tiny", "--seed", "4", "--years", "3", "--scenario", "baseline",
            "--councils", "2", "--first-council", "3", "--end", END)
    truth = json.loads((out / "truth.json").read_text())
    assert sorted(truth["councils"]) == ["X03", "X04"]
    assert truth["period_ends"] == ["2024-03-31", "2025-03-31", END]
    assert (out / "children.parquet").is_file() and "wrote" in r.stderr


def check_synth_formats(ws):
    returns = ws / "council" / "returns"
    for kind, pattern in (("ssda903", "SSDA903_2026_*.csv"), ("ssda903_xml", "SSDA903_2026.xml"),
                          ("cin", "CIN_2026.xml"), ("annex_a", "Annex_A_*.xlsx"), ("workforce", "CSWW_*.xml"),
                          ("cms", "allocations.csv")):
        assert list((returns / kind).glob(pattern)), f"no {pattern} in {kind}"


def check_load(ws):
    returns = ws / "council" / "returns"
    db, issues = ws / "returns.duckdb", ws / "issues.xlsx"
    r = run("load", returns / "ssda903", returns / "cin", returns / "cms", returns / "workforce", returns / "annex_a",
            "--db", db, "--issues", issues)
    assert db.is_file() and issues.is_file()
    total = [line for line in r.stdout.splitlines() if "total" in line][0]
    read, loaded, quarantined = (int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", total)[:3])
    assert read == loaded + quarantined and loaded > 0
    assert str(returns / "ssda903" / "SSDA903_2026_episodes.csv") in r.stdout  # full paths when piped
    # the summary from returns equals the one from the canonical tables they were written from
    from_returns = _json(run("summary", "--db", db, "--format", "json"))
    from_tables = _json(run("summary", "--db", ws / "council.duckdb", "--format", "json"))
    for figure in ("cla_at_31_march", "cla_starts", "cla_ceased", "cp_at_31_march", "cin_at_31_march"):
        assert from_returns[figure] == from_tables[figure], figure


def check_validate(ws):
    returns = ws / "council" / "returns"
    got = _json(run("validate", returns / "ssda903", returns / "cin", "--format", "json"))
    assert set(got) >= {"files", "issues_by_rule", "issues_total"}
    assert got["issues_total"] == sum(got["issues_by_rule"].values())
    assert len(got["files"]) == len(list((returns / "ssda903").iterdir())) + len(list((returns / "cin").iterdir()))


def check_rules(ws):
    got = _json(run("rules", "--year", "2025", "--kind", "cin", "--format", "json"))
    assert got and all(r["return"] == "cin" for r in got) and {"code", "message", "severity"} <= set(got[0])
    assert "All rules" in run("rules").stdout


def check_summary(ws):
    got = _json(run("summary", "--db", ws / "council.duckdb", "--period-end", END, "--format", "json"))
    truth = json.loads((ws / "council" / "truth.json").read_text())["councils"]["X01"]["periods"][END]
    for name, value in truth.items():
        if name in got and name != "caseload_at_period_end":
            assert got[name] == value, name
    assert "cla at 31 march" in run("summary", "--db", ws / "council.duckdb").stdout


def check_indicators(ws):
    got = _json(run("indicators", "--db", ws / "council.duckdb", "--la", "873", "--format", "json"))
    listed = run("indicators", "--list").stdout.strip().splitlines()
    assert len([i for i in got if i["breakdown"] is None]) == len(listed) >= 70
    assert {"id", "title", "value", "numerator", "denominator", "england", "sn_mean", "quartile"} <= set(got[0])
    by_team = _json(run("indicators", "--db", ws / "council.duckdb", "--by", "team", "--id", "caseload_over_cap_pct",
                        "--set", "cap=10", "--format", "json"))
    assert {i["breakdown"] for i in by_team} == {None, "team"}
    assert "Children looked after" in run("indicators", "--db", ws / "council.duckdb", "--format", "csv").stdout \
        or run("indicators", "--db", ws / "council.duckdb", "--format", "csv").stdout.startswith("id,title")


def check_lists(ws):
    from casewatch.cli_lists import FIELDS

    target = ws / "lists.csv"
    r = run("lists", "--db", ws / "council.duckdb", "--date", END, "--format", "csv", "--out", target)
    assert r.stdout == "" and target.read_text().splitlines()[0] == ",".join(FIELDS)
    rows = _json(run("lists", "--db", ws / "council.duckdb", "--date", END, "--format", "json"))
    assert len(target.read_text().splitlines()) == len(rows) + 1
    run("lists", "--db", ws / "council.duckdb", "--format", "xlsx", "--out", ws / "lists.xlsx")
    assert (ws / "lists.xlsx").stat().st_size > 0


def check_caseloads(ws):
    got = _json(run("caseloads", "--db", ws / "council.duckdb", "--date", END, "--cap", "18", "--format", "json"))
    assert got["cap"] == 18 and got["teams"] and got["workers"]
    assert "case holders over their cap" in run("caseloads", "--db", ws / "council.duckdb").stdout


def check_forecast(ws):
    target = ws / "forecast.json"
    run("forecast", "--db", ws / "council.duckdb", "--horizon-months", "12", "--reference-months", "6", "--runs",
        "200", "--format", "json", "--out", target)
    got = json.loads(target.read_text())
    assert len(got["total"]) == 12 and got["in_care_at_start"] > 0
    assert "children in care" in run("forecast", "--db", ws / "council.duckdb", "--runs", "200",
                                      "--no-backtest").stdout


def check_export(ws):
    out = ws / "export"
    run("export", "--db", ws / "council.duckdb", "--out", out, "--key-file", ws / "pool.key", "--new-key")
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["council_id"] == "X01" and (ws / "pool.key").is_file()


def check_pool(ws):
    if not (ws / "export" / "manifest.json").exists():
        check_export(ws)
    r = run("pool", ws / "export", "--db", ws / "pool.duckdb")
    assert "pooled 1 imports, 1 councils" in r.stdout


def check_compare(ws):
    if not (ws / "pool.duckdb").exists():
        check_pool(ws)
    got = _json(run("compare", "--db", ws / "pool.duckdb", "--format", "json"))
    assert got["period_end"] == END and len(got["indicators"]) >= 70
    run("compare", "--db", ws / "pool.duckdb", "--format", "html", "--out", ws / "compare.html")
    assert "<html" in (ws / "compare.html").read_text().lower()


def _ofsted_report() -> Path:
    for base in (ROOT.parent / "shared", Path("/work/shared")):
        pdf = base / "reference" / "ofsted" / "reports" / "norfolk_13-january-2023.pdf"
        if pdf.is_file():
            return pdf
    missing("the Ofsted reports (../shared/reference/ofsted) are not on this machine")


def check_scrutiny(ws):
    statement = ws / "release.txt"
    statement.write_text("Norfolk County Council welcomes Ofsted's report. Inspectors judged our services for "
                         "children to be outstanding in every area.\n", encoding="utf-8")
    got = _json(run("scrutiny", "--report", _ofsted_report(), "--statement", statement, "--format", "json"))
    assert got["claims"] and any(c["verdict"] == "contradicted" for c in got["claims"])


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:  # noqa: S310 - loopback only
            return r.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _wait_for(url: str, proc: subprocess.Popen, seconds: float = 120) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"the server stopped with code {proc.returncode}")
        try:
            return _get(url)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise AssertionError(f"nothing answered on {url} in {seconds:.0f} s")


def check_serve(ws):
    port = free_port()
    env = {**os.environ, "CASEWATCH_WEB_DB": str(ws / "web.sqlite3")}
    proc = subprocess.Popen([str(Path(sys.executable).parent / "casewatch"), "serve", "--db",
                             str(ws / "council.duckdb"), "--port", str(port)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert _wait_for(f"http://127.0.0.1:{port}/login/", proc) == 200
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=30)
    assert "Traceback" not in stderr


def _users_env(ws) -> dict:
    return {"CASEWATCH_WEB_DB": str(ws / "users.sqlite3")}


def check_users_add(ws):
    r = run("users", "add", "ana", "--role", "analyst", "--password-stdin", stdin="a long pass phrase 42\n",
            env=_users_env(ws))
    assert "created ana (analyst)" in r.stdout


def check_users_remove_demo(ws):
    env = _users_env(ws)
    run("users", "add", "keep", "--role", "analyst", "--password-stdin", stdin="a long pass phrase 43\n", env=env)
    assert "removed 0 demo accounts" in run("users", "remove-demo", env=env).stdout
    assert re.search(r"keep\s+analyst", run("users", "list", env=env).stdout)


def check_users_list(ws):
    env = _users_env(ws)
    run("users", "add", "tom", "--role", "team_manager", "--team", "X01T0000001", "--password-stdin",
        stdin="another long phrase 7\n", env=env)
    assert "tom is now head_of_service" in run("users", "set-role", "tom", "--role", "head_of_service", env=env).stdout
    run("users", "disable", "tom", env=env)
    listed = run("users", "list", env=env).stdout
    assert re.search(r"tom\s+head_of_service\s+no", listed)
    run("users", "enable", "tom", env=env)
    run("users", "password", "tom", "--password-stdin", stdin="a third long phrase 9\n", env=env)
    assert re.search(r"tom\s+head_of_service\s+yes", run("users", "list", env=env).stdout)


def check_allocate(ws):
    got = _json(run("allocate", "--db", ws / "council.duckdb", "--date", END, "--cap", "20", "--format", "json"))
    assert got["cap"] == 20 and "moves" in got and got["before"]["workers"]


def check_report(ws):
    out = ws / "report"
    r = run("report", "--db", ws / "council.duckdb", "--out", out, "--audience", "public", "--la", "873")
    for name in ("report.html", "report.pdf", "report.xlsx"):
        assert (out / name).stat().st_size > 1000, name
    assert "got worse" in r.stdout


def check_schema(ws):
    assert "CREATE TABLE children" in run("schema", "--format", "sql").stdout
    assert "cla_episodes" in run("schema").stdout


def check_demo(ws):
    out = ws / "demo"
    r = run("demo", "--out", out, "--size", "tiny")
    assert (out / "casewatch.duckdb").is_file()
    for name in ("report.html", "report.pdf", "report.xlsx"):
        assert (out / "report" / name).is_file()
    assert "indicators got worse" in r.stdout and "cla at 31 march" in r.stdout


CHECKS = {
    "synth": check_synth, "synth --formats": check_synth_formats, "load": check_load, "validate": check_validate,
    "rules": check_rules, "summary": check_summary, "indicators": check_indicators, "lists": check_lists,
    "caseloads": check_caseloads, "forecast": check_forecast, "export": check_export, "pool": check_pool,
    "compare": check_compare, "scrutiny": check_scrutiny, "serve": check_serve, "users add": check_users_add,
    "users list": check_users_list, "users remove-demo": check_users_remove_demo, "allocate": check_allocate, "report": check_report, "schema": check_schema,
    "demo": check_demo,
}


def test_every_readme_command_is_exercised():
    keys = [key(c) for c in readme_commands()]
    assert len(keys) >= 20, keys
    missing = [k for k in keys if k not in CHECKS]
    assert not missing, f"README commands with no contract test: {missing}"
    stale = [k for k in CHECKS if k not in keys]
    assert not stale, f"contract tests for commands the README no longer has: {stale}"


def test_every_command_is_in_the_readme_and_the_help():
    from casewatch.cli import build_parser

    commands = set(next(a for a in build_parser()._actions if a.choices and isinstance(a.choices, dict)).choices)
    documented = {key(c).split()[0] for c in readme_commands()}
    assert commands == documented
    help_text = run("--help").stdout
    listed = {m.group(1) for m in re.finditer(r"^    ([a-z]+)\s{2,}\S", help_text, re.M)}
    assert listed == commands and len(commands) == 19


@pytest.mark.parametrize("name", list(CHECKS))
def test_readme_command(name, ws):
    CHECKS[name](ws)


def test_make_run_serves_the_dashboard(tmp_path):
    """``make run``'s own recipe, into a temporary folder and on a free port, until the dashboard answers and the
    demo accounts are printed."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    proc = subprocess.Popen(["make", "--no-print-directory", "run", f"DEMO_OUT={tmp_path / 'demo'}", "DEMO_SIZE=tiny",
                             f"PORT={port}"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    try:
        assert _wait_for(f"http://127.0.0.1:{port}/login/", proc, seconds=300) == 200
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        stdout, stderr = proc.communicate(timeout=60)
    assert "demo accounts" in stdout and "analyst" in stdout, stdout[-2000:]
    assert (tmp_path / "demo" / "report" / "report.pdf").is_file()
    assert "Traceback" not in stderr, stderr[-3000:]
