"""casewatch against csc-validator-be-903 on the same synthetic 903 CSVs (one collection year).

Prints the peer's error count per rule on our synthetic data, and wall time and peak memory of both (each in
a fresh process; casewatch = `casewatch load` then `casewatch validate`, i.e. read, type, stage, run its
rules, build the canonical tables, twice). Goal: casewatch >= 20x faster. Figures: docs/performance.md.

    .venv/bin/python bench/peer_903.py [--size small] [--year 2025] [--repeat 3]
"""

import argparse
import json

from _peers import ROOT, last_json, measure, peers_python, report, synth

p = argparse.ArgumentParser()
p.add_argument("--size", default="small", choices=["tiny", "small", "medium", "large"])
p.add_argument("--year", type=int, default=2025)
p.add_argument("--repeat", type=int, default=3)
a = p.parse_args()

files = sorted(str(f) for f in (synth(a.size) / "ssda903").glob(f"SSDA903_{a.year}_*.csv"))
py = peers_python()
peer = measure([str(py), str(ROOT / "bench" / "_peer_903_driver.py"), str(a.year), *files], a.repeat)
cw = str(ROOT / ".venv" / "bin" / "casewatch")
db = ROOT / "var" / "bench" / "peer903.duckdb"
load = measure([cw, "load", *files, "--db", str(db)], a.repeat)
val = measure([cw, "validate", *files, "--format", "json"], a.repeat)
ours = {"seconds": load["seconds"] + val["seconds"], "peak_mb": max(load["peak_mb"], val["peak_mb"])}
v = json.loads(val["stdout"])
report(f"SSDA903 {a.year - 1}-{a.year % 100:02d}, {a.size} council", peer, ours,
       sum(f["rows_read"] for f in v["files"]), last_json(peer["stdout"])["errors_by_rule"], v["issues_by_rule"])
print(f"  (casewatch load alone {load['seconds']:.2f} s, validate alone {val['seconds']:.2f} s)")
