"""Run the bad-input corpus (bench/bad_inputs.py) through ``casewatch validate`` and ``casewatch load``, one case
at a time, each command in its own process under a 120 s timeout and a 3 GiB address-space cap (prlimit --as), so
the machine survives the worst case. Per case and command: wall time, peak RSS (GNU time's %M for the command itself), exit code,
whether stderr holds a Python traceback, rows read / loaded / quarantined per file (validate's JSON; the load's
``loads`` table) and whether they reconcile, the issues, and the issues beyond the clean case of the same base
(``clean_903`` for a 903 case...): a damaged case with none is flagged "no new issue" (a possible silent loss).
Where the manifest names the damaged file (and row and field), "named" says whether an issue names that place.

    .venv/bin/python bench/bad_input_run.py [--corpus /tmp/casewatch-bad-inputs] [--build] [--small]
        [--only NAME,...] [--casewatch CHECKOUT] [--table FILE.md] [--json FILE.json] [--results DIR]

``--casewatch CHECKOUT`` runs another checkout's code (PYTHONPATH=CHECKOUT/src, this venv's Python), e.g. a
worktree of an older commit, so the same corpus gives a before and an after table.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 120
CAP = 3 * 2**30
TRACEBACK = "Traceback (most recent call last)"
csv.field_size_limit(2**31 - 1)  # an issue may carry a long value


def run(cmd: list[str], out: Path, env: dict, timeout: float = TIMEOUT, cap: int = CAP) -> dict:
    """One command in its own session under the cap; its wall time, peak RSS and what it printed."""
    so_path, se_path = out.parent / f"{out.name}.out", out.parent / f"{out.name}.err"
    with open(so_path, "wb") as so, open(se_path, "wb") as se:
        start = time.monotonic()
        # GNU time measures the command: a child forked from this (grown) process would report this process's
        # peak as its own (Linux keeps the parent's high-water mark across fork and exec)
        peak = out.parent / f"{out.name}.peak"
        proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", str(peak), "prlimit", f"--as={cap}", *cmd],
                                stdout=so, stderr=se, env=env, start_new_session=True, cwd="/tmp")
        timed_out = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > timeout:
                timed_out = True
                os.killpg(proc.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        proc.returncode = 0  # reaped here, not by Popen
        wall = time.monotonic() - start
    stdout, stderr = so_path.read_text(errors="replace"), se_path.read_text(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    try:
        kb = int(peak.read_text().split()[-1])  # the command's own peak RSS, in KB
    except (OSError, ValueError, IndexError):  # killed before time wrote it
        kb = usage.ru_maxrss
    return {"s": round(wall, 2), "mb": round(kb / 1024), "exit": code, "timeout": timed_out,
            "traceback": TRACEBACK in stderr, "stdout": stdout, "stderr": stderr}


def first_line(stderr: str) -> str:
    lines = [ln.strip() for ln in stderr.splitlines() if ln.strip() and " rules for " not in ln
             and not ln.startswith("issues report")]
    return lines[0][:140] if lines else ""


def issues_file(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def named(issues: list[dict], where: dict) -> bool | None:
    """Does an issue name the damaged file (and row and field, where the manifest gives them)?"""
    if "file" not in where:
        return None
    for i in issues:
        if not (i.get("file") or "").endswith(where["file"]):
            continue
        if "row" in where and str(i.get("row")) != str(where["row"]):
            continue
        if "field" in where and (i.get("field") or "").upper() != where["field"].upper():
            continue
        return True
    return False


def load_counts(db: Path) -> tuple[list[dict], int] | None:
    if not db.exists():
        return None
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        files = [{"path": p, "rows_read": r, "rows_loaded": lo, "rows_quarantined": q}
                 for p, r, lo, q in con.execute("SELECT source_file, rows_read, rows_loaded, rows_quarantined "
                                                "FROM loads").fetchall()]
        n = con.execute("SELECT count(*) FROM data_issues").fetchone()[0]
    return files, n


def reconciles(files: list[dict]) -> bool:
    return all(f["rows_read"] == f["rows_loaded"] + f["rows_quarantined"] for f in files)


def one_case(name: str, corpus: Path, results: Path, prefix: list[str], env: dict, where: dict,
             cap: int = CAP) -> dict:
    case = corpus / name
    v = run([*prefix, "validate", str(case), "--issues", str(results / f"{name}.issues.csv"), "--format", "json"],
            results / f"{name}.validate", env, cap=cap)
    db = results / f"{name}.duckdb"
    db.unlink(missing_ok=True)
    lo = run([*prefix, "load", str(case), "--db", str(db)], results / f"{name}.load", env, cap=cap)
    rec = {"case": name, "validate": {k: v[k] for k in ("s", "mb", "exit", "timeout", "traceback")},
           "load": {k: lo[k] for k in ("s", "mb", "exit", "timeout", "traceback")},
           "validate_says": first_line(v["stderr"]), "load_says": first_line(lo["stderr"])}
    try:
        j = json.loads(v["stdout"])
        rec["files"] = j["files"]
        rec["by_rule"] = j["issues_by_rule"]
        rec["reconciles"] = reconciles(j["files"])
    except (json.JSONDecodeError, KeyError):
        rec["files"], rec["by_rule"], rec["reconciles"] = [], {}, None
    issues = issues_file(results / f"{name}.issues.csv")
    rec["issues"] = len(issues)
    rec["named"] = named(issues, where)
    counts = load_counts(db) if lo["exit"] == 0 else None
    if counts:
        rec["load_files"], rec["load_issues"] = counts
        rec["load_reconciles"] = reconciles(counts[0])
    db.unlink(missing_ok=True)
    return rec


def outcome(rec: dict, clean: dict | None, where: dict) -> str:
    v, lo = rec["validate"], rec["load"]
    if v["traceback"] or lo["traceback"]:
        return "**TRACEBACK** " + (rec["validate_says"] if v["traceback"] else rec["load_says"])
    if v["timeout"] or lo["timeout"]:
        return f"**TIMEOUT** ({'validate' if v['timeout'] else 'load'} killed at {TIMEOUT} s)"
    if v["exit"] < 0 or lo["exit"] < 0:
        which = "validate" if v["exit"] < 0 else "load"
        return f"**KILLED** ({which}: signal {-min(v['exit'], lo['exit'])}, under the {CAP // 2**30} GiB cap)"
    if v["exit"] == 70 or lo["exit"] == 70:
        says = rec["validate_says"] if v["exit"] == 70 else rec["load_says"]
        return f"**FAULT** (exit 70, {'validate' if v['exit'] == 70 else 'load'}): {says.split('.')[0]}"
    if v["exit"] not in (0, 1) or not rec["files"]:
        return f"refused (exit {v['exit']}): {rec['validate_says'].removeprefix('casewatch: ')[:110]}"
    read = sum(f["rows_read"] for f in rec["files"])
    loaded = sum(f["rows_loaded"] for f in rec["files"])
    quar = sum(f["rows_quarantined"] for f in rec["files"])
    errors = [f["error"] for f in rec["files"] if f.get("error")]
    words = [f"{read:,} read = {loaded:,} + {quar:,} quarantined" if rec["reconciles"]
             else f"**{read:,} read != {loaded:,} + {quar:,}**"]
    if clean and clean is not rec:
        new = Counter(rec["by_rule"])
        new.subtract(Counter(clean.get("by_rule", {})))
        more = {k: n for k, n in new.items() if n > 0}
        words.append("new issues: " + ", ".join(f"{k} {n}" for k, n in sorted(more.items(), key=lambda x: -x[1])[:4])
                     if more else "**no new issue**")
        lost = sum(f["rows_read"] for f in clean["files"]) - read
        if lost > 0:
            words.append(f"{lost:,} rows fewer than clean")
    if errors:
        words.append(f"{len(errors)} file(s) refused: {errors[0].split(': ', 1)[-1][:70]}")
    if rec["named"] is not None and "file" in where:
        words.append("place named" if rec["named"] else "**place not named**")
    if lo["exit"] != 0:
        words.append(f"load exit {lo['exit']}: {rec['load_says'].removeprefix('casewatch: ')[:45]}")
    return "; ".join(words)


def table(recs: list[dict], manifest: dict) -> str:
    clean = {m["base"]: r for r in recs for m in [manifest[r["case"]]] if r["case"].startswith("clean_")}
    out = ["| case | validate s | load s | peak MB | outcome |", "|---|---:|---:|---:|---|"]
    for r in recs:
        peak = max(r["validate"]["mb"], r["load"]["mb"])
        out.append(f"| {r['case']} | {r['validate']['s']:.1f} | {r['load']['s']:.1f} | {peak:,} | "
                   f"{outcome(r, clean.get(manifest[r['case']]['base']), manifest[r['case']]).replace('|', '/')} |")
    worst_s = max(max(r["validate"]["s"], r["load"]["s"]) for r in recs)
    worst_mb = max(max(r["validate"]["mb"], r["load"]["mb"]) for r in recs)
    tb = sum(r["validate"]["traceback"] or r["load"]["traceback"] for r in recs)
    out.append(f"\n{len(recs)} cases; tracebacks {tb}; slowest command {worst_s:.1f} s; most memory {worst_mb:,} MB; "
               f"over 60 s: {sum(max(r['validate']['s'], r['load']['s']) >= 60 for r in recs)}; over 800 MB: "
               f"{sum(max(r['validate']['mb'], r['load']['mb']) >= 800 for r in recs)}")
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default="/tmp/casewatch-bad-inputs")
    ap.add_argument("--build", action="store_true", help="build the corpus first (bench/bad_inputs.py)")
    ap.add_argument("--small", action="store_true", help="with --build: the test's small scale")
    ap.add_argument("--only", default=None, help="comma-separated case names")
    ap.add_argument("--casewatch", default=None, help="a checkout whose src/ to run (default: this one)")
    ap.add_argument("--results", default=None, help="issues files, outputs (default CORPUS-results)")
    ap.add_argument("--table", default=None, help="markdown table to write")
    ap.add_argument("--json", default=None, help="every measurement as JSON")
    ap.add_argument("--jobs", type=int, default=1, help="cases at once (1: the machine is shared)")
    ap.add_argument("--cap-gb", type=float, default=CAP / 2**30,
                    help="address-space cap per command (prlimit --as; DuckDB reserves more than it touches)")
    ap.add_argument("--from-json", default=None, help="write the table again from an earlier --json, run nothing")
    a = ap.parse_args()
    cap = int(a.cap_gb * 2**30)
    corpus = Path(a.corpus)
    if a.from_json:  # with --results: "named" worked out again from the issues files, against today's manifest
        recs, manifest = json.loads(Path(a.from_json).read_text()), json.loads((corpus / "manifest.json").read_text())
        for r in recs:
            if a.results and (Path(a.results) / f"{r['case']}.issues.csv").exists():
                r["named"] = named(issues_file(Path(a.results) / f"{r['case']}.issues.csv"), manifest[r["case"]])
        text = table(recs, manifest)
        print(text)
        if a.table:
            Path(a.table).write_text(text)
        return
    only = a.only.split(",") if a.only else None
    if a.build:
        sys.path.insert(0, str(ROOT / "bench"))
        from bad_inputs import build

        build(corpus, a.small, only)
    manifest = json.loads((corpus / "manifest.json").read_text())
    names = [n for n in manifest if not only or n in only]
    results = Path(a.results or f"{corpus}-results")
    shutil.rmtree(results, ignore_errors=True)
    results.mkdir(parents=True)
    src = Path(a.casewatch or ROOT) / "src"
    env = {**os.environ, "PYTHONPATH": str(src)}
    env.pop("CASEWATCH_DEBUG", None)
    prefix = [sys.executable, "-m", "casewatch.cli"]
    recs = []
    if a.jobs > 1:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(a.jobs) as pool:
            recs = list(pool.map(lambda n: one_case(n, corpus, results, prefix, env, manifest[n], cap), names))
    else:
        for n in names:
            recs.append(one_case(n, corpus, results, prefix, env, manifest[n], cap))
            r = recs[-1]
            print(f"{n}: validate {r['validate']['s']} s exit {r['validate']['exit']}, load {r['load']['s']} s exit "
                  f"{r['load']['exit']}, {max(r['validate']['mb'], r['load']['mb'])} MB", flush=True)
    text = table(recs, manifest)
    print(text)
    if a.table:
        Path(a.table).write_text(text)
    if a.json:
        Path(a.json).write_text(json.dumps(recs, indent=1, default=str))


if __name__ == "__main__":
    main()
