"""Shared by bench/peer_903.py, bench/peer_cin.py and bench/peer_demand.py: the peers' own venv, synthetic input,
measuring, printing.

The peers (the DfE/Data to Insight validators csc-validator-be-903 and csc-validator-be-cin, and Social Finance's
demand model demand-model, all pandas 1.x-based) are installed into var/bench/peers with their own pinned
pandas/numpy, never into casewatch's environment. Each
measurement is one fresh process; its peak resident memory is read from os.wait4's rusage for that child alone.
The peers are driven through their Python API exactly as their own front ends call it (see PEER_903 and
PEER_CIN below); those snippets run inside the peers' venv. Long output goes to var/bench/*.log.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VAR = ROOT / "var" / "bench"
VENV = VAR / "peers"
CASEWATCH = ROOT / ".venv" / "bin" / "casewatch"
PEERS = ("csc-validator-be-903==0.1.17", "csc-validator-be-cin==0.1.13", "demand-model==0.2.0")

# csc-validator-be-903: what its front end's RPC call `lac_validate` (rpc_main.py) does, minus the JSON dump
# of every input table: files as {"This year": [...], "Prev year": [...]}, the registry for the collection
# year, LacValidator (reads, builds the datastore with postcode lookups, runs every rule), then the Report
# and issue frame the user sees. Counts per rule are the Report's own "Error Count" (rows flagged).
PEER_903 = r"""
import io, json, logging, sys, time
t0 = time.perf_counter()
from lac_validator import lac_validator
from lac_validator.report import Report
from lac_validator.rules.ruleset_utils import get_year_ruleset
from lac_validator.utils import process_uploaded_files
spec = json.loads(sys.argv[1])
t1 = time.perf_counter()
registry = get_year_ruleset(str(spec["year"]))
files = process_uploaded_files({"This year": spec["this"], "Prev year": spec["prev"]})
v = lac_validator.LacValidator(metadata={"collectionYear": str(spec["year"]), "localAuthority": spec["la"]},
                               files=files, registry=registry, selected_rules=None)
r = Report(v.ds_results, registry)
issues = lac_validator.create_issue_df(r.report, r.error_report)
s = r.error_summary
t2 = time.perf_counter()
counts = {str(c): int(n) for c, n in zip(s["Code"], s["Error Count"]) if n}
rules = {str(c): {"message": str(rule.message), "tables": sorted(rule.tables or [])} for c, rule in registry.items()}
print(json.dumps({"peer": "csc-validator-be-903", "ruleset": f"lac{spec['year'] - 1}_{spec['year'] % 100:02d}",
                  "import_s": t1 - t0, "run_s": t2 - t1, "errors_by_rule": counts, "issue_rows": len(issues),
                  "rows": {k: len(df) for k, df in v.dfs.items()}, "rules_run": len(registry),
                  "skipped": sorted(map(str, v.skips)), "failed": sorted(map(str, v.fails)),
                  "rules": {c: rules[c] for c in counts}}))
"""

# csc-validator-be-cin: what its own CLI `python -m cin_validator run FILE -r cinYYYY_YY` does (ET.parse,
# convert_data, process_data, CinValidator, which also builds the user report). Counts per rule: children
# flagged in its user report (header-level issues count once), plus return-level (LA) issues.
PEER_CIN = r"""
import contextlib, importlib, io, json, sys, time
import xml.etree.ElementTree as ET
t0 = time.perf_counter()
from cin_validator import cin_validator
year, path = int(sys.argv[1]), sys.argv[2]
t1 = time.perf_counter()
ruleset = f"cin{year - 1}_{year % 100:02d}"
registry = importlib.import_module(f"cin_validator.rules.{ruleset}").registry
data = cin_validator.process_data(cin_validator.convert_data(ET.parse(path).getroot()))
rows = {k: len(df) for k, df in data.items()}
out = io.StringIO()
with contextlib.redirect_stdout(out):  # it prints "Error with rule X: ..." for rules that crash
    v = cin_validator.CinValidator(data, registry, selected_rules=None)
t2 = time.perf_counter()
df, ur, la = v.full_issue_df, v.user_report, v.la_rule_issues
counts = {}
if len(ur):
    for code, n in ur.drop_duplicates(["rule_code", "LAchildID"])["rule_code"].value_counts().items():
        counts[str(code)] = int(n)
if len(la):
    for code, n in la["rule_code"].value_counts().items():
        counts[str(code)] = counts.get(str(code), 0) + int(n)
failed = sorted({line.split()[3].rstrip(":") for line in out.getvalue().splitlines() if line.startswith("Error with rule")})
rules = {}
for rule in registry.values():
    c = str(rule.code)
    if c in counts:
        rules[c] = {"message": str(rule.message), "tables": [str(getattr(rule.module, "value", rule.module))]}
print(json.dumps({"peer": "csc-validator-be-cin", "ruleset": ruleset, "import_s": t1 - t0, "run_s": t2 - t1,
                  "errors_by_rule": counts, "issue_rows": len(df), "rows": rows, "rules_run": len(registry),
                  "skipped": [], "failed": failed, "rules": rules}))
"""


# casewatch's own share of a `casewatch validate` process once Python has started and its modules are imported
# (the counterpart of the peer's "run_s"); run once, untimed by the caller, stdout of validate discarded.
CW_INPROC = r"""
import contextlib, io, json, sys, time
t0 = time.perf_counter()
import casewatch.ingest.pipeline
from casewatch.cli import main
t1 = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()):
    main(["validate", *sys.argv[1:], "--format", "json"])
print(json.dumps({"import_s": t1 - t0, "run_s": time.perf_counter() - t1}))
"""


def log(name: str, text: str) -> Path:
    VAR.mkdir(parents=True, exist_ok=True)
    path = VAR / f"{name}.log"
    path.write_text(text)
    return path


def peers_python() -> Path:
    """The peers' venv (created and filled on first use; pip's output goes to var/bench/pip.log)."""
    py = VENV / "bin" / "python"
    stamp = VENV / ".installed"
    if not stamp.exists() or stamp.read_text() != "\n".join(PEERS):
        print(f"installing {', '.join(PEERS)} into {VENV} (once) ...", flush=True)
        if not py.exists():
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        done = subprocess.run([str(py), "-m", "pip", "install", "--disable-pip-version-check", *PEERS],
                              capture_output=True, text=True)
        log("pip", done.stdout + done.stderr)
        if done.returncode:
            raise SystemExit(f"pip install of the peers failed; see {VAR.relative_to(ROOT)}/pip.log")
        stamp.write_text("\n".join(PEERS))
    return py


def peer_versions(py: Path, packages: tuple[str, ...] = ("csc-validator-be-903", "csc-validator-be-cin", "pandas")) -> str:
    code = ("import sys; from importlib.metadata import version as v; "
            "print(', '.join(f'{p} {v(p)}' for p in sys.argv[1:]))")
    return subprocess.run([str(py), "-c", code, *packages], capture_output=True, text=True, check=True).stdout.strip()


def run_once(cmd: list[str], name: str, cwd: Path | None = None) -> dict:
    """One fresh process: wall seconds, its own peak RSS (MB, from wait4), exit code, stdout."""
    VAR.mkdir(parents=True, exist_ok=True)
    out_path, err_path = VAR / f"{name}.out.log", VAR / f"{name}.log"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=cwd,
                                env={**os.environ, "PYTHONWARNINGS": "ignore"})
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024, "cpu_s": usage.ru_utime + usage.ru_stime,
            "rc": proc.returncode, "stdout": out_path.read_text(), "log": err_path}


def measure(cmd: list[str], name: str, repeat: int = 1, ok=(0, 1), cwd: Path | None = None) -> dict:
    """Median wall time, median CPU and largest peak RSS over ``repeat`` fresh runs; the last run's stdout."""
    runs = []
    for _ in range(max(repeat, 1)):
        r = run_once(cmd, name, cwd)
        if r["rc"] not in ok:
            tail = r["log"].read_text()[-1500:]
            raise SystemExit(f"{name} exited {r['rc']}; see {r['log']}:\n{tail}")
        runs.append(r)
    return {"seconds": statistics.median(r["seconds"] for r in runs),
            "cpu_s": statistics.median(r["cpu_s"] for r in runs),
            "peak_mb": max(r["peak_mb"] for r in runs), "runs": [round(r["seconds"], 2) for r in runs],
            "stdout": runs[-1]["stdout"]}


def last_json(text: str) -> dict:
    for line in reversed(text.strip().splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    raise SystemExit("no JSON line in the output")


def synth(size: str, seed: int, end: str, years: int = 3, scenario: str | None = None) -> Path:
    """casewatch's synthetic council's statutory returns, regenerated whenever casewatch's source is newer."""
    out = VAR / (f"synth-{size}-{seed}-{end}" + (f"-{scenario}-{years}y" if scenario else ""))
    stamp = out / ".done"
    newest = max(p.stat().st_mtime for p in (ROOT / "src" / "casewatch").rglob("*") if p.is_file())
    if not stamp.exists() or stamp.stat().st_mtime < newest:
        extra = ["--scenario", scenario] if scenario else []
        print(" ".join(["casewatch synth --size", size, "--seed", str(seed), "--years", str(years), "--end", end,
                        *extra, "--formats returns ..."]), flush=True)
        done = subprocess.run([str(CASEWATCH), "synth", "--out", str(out), "--size", size, "--seed", str(seed),
                               "--years", str(years), "--end", end, "--formats", "returns", *extra],
                              capture_output=True, text=True)
        log("synth", done.stdout + done.stderr)
        if done.returncode:
            raise SystemExit(f"casewatch synth failed; see {VAR.relative_to(ROOT)}/synth.log")
        stamp.touch()
    return out / "returns"


def casewatch_ready() -> bool:
    return CASEWATCH.exists()


def ours(files: list[str], tag: str, repeat: int) -> tuple[dict, dict, dict]:
    """`casewatch validate --format json` (read, type, check: the peer's job) and `casewatch load` (also
    builds and swaps the analytics database), each in fresh processes; returns (validate, load, report)."""
    val = measure([str(CASEWATCH), "validate", *files, "--format", "json"], f"casewatch_validate_{tag}", repeat)
    db = VAR / f"{tag}.duckdb"
    load = measure([str(CASEWATCH), "load", *files, "--db", str(db)], f"casewatch_load_{tag}", repeat)
    inproc = measure([str(ROOT / ".venv" / "bin" / "python"), "-c", CW_INPROC, *files], f"casewatch_inproc_{tag}")
    val["inproc"] = last_json(inproc["stdout"])
    return val, load, last_json(val["stdout"])


def print_timing(peer: dict, peer_json: dict, val: dict, load: dict, goal: float) -> None:
    both = {"seconds": val["seconds"] + load["seconds"], "peak_mb": max(val["peak_mb"], load["peak_mb"])}
    print(f"  {'process (fresh, median)':<34}{'wall s':>8}{'cpu s':>8}{'peak MB':>9}{'peer/this':>11}")
    print(f"  {'peer':<34}{peer['seconds']:>8.2f}{peer['cpu_s']:>8.2f}{peer['peak_mb']:>9.0f}")
    rows = [("casewatch validate", val), ("casewatch load (builds the DB)", load),
            ("casewatch validate + load", both)]
    for label, m in rows:
        ratio = peer["seconds"] / m["seconds"]
        cpu = f"{m['cpu_s']:>8.2f}" if "cpu_s" in m else f"{'':>8}"
        print(f"  {label:<34}{m['seconds']:>8.2f}{cpu}{m['peak_mb']:>9.0f}{ratio:>10.1f}x")
    ratio = peer["seconds"] / val["seconds"]
    print(f"  goal >= {goal:.0f}x (casewatch validate, which loads and validates in one process): "
          f"{ratio:.1f}x, {'met' if ratio >= goal else 'NOT met'}")
    cw = val["inproc"]
    print(f"  in-process, after start-up and imports: peer {peer_json['run_s']:.2f} s (imports "
          f"{peer_json['import_s']:.2f}), casewatch validate {cw['run_s']:.2f} s (imports {cw['import_s']:.2f}): "
          f"{peer_json['run_s'] / cw['run_s']:.1f}x")
    print(f"  runs (s): peer {peer['runs']}, casewatch validate {val['runs']}, load {load['runs']}")


def print_rules(title: str, columns: list[tuple[str, dict]], rules: dict, note=lambda code: "") -> None:
    codes = sorted({c for _, counts in columns for c in counts}, key=lambda c: -max(n.get(c, 0) for _, n in columns))
    first = columns[0][1]
    print(f"  {title}: {sum(1 for n in first.values() if n)} rules, {sum(first.values()):,} flagged")
    if not codes:
        return
    head = "".join(f"{name:>9}" for name, _ in columns)
    print(f"    {'rule':<10}{head}  note / peer's message")
    for c in codes:
        counts = "".join(f"{n.get(c, 0):>9,}" for _, n in columns)
        msg = note(c) or rules.get(c, {}).get("message", "")
        print(f"    {c:<10}{counts}  {msg[:90]}")
