"""casewatch against csc-validator-be-cin on the same synthetic CIN census XML (one collection year).

Goal: casewatch load + validate >= 10x faster. Figures: docs/performance.md.

    .venv/bin/python bench/peer_cin.py [--size small] [--year 2025] [--repeat 3]
"""

import argparse
import json

from _peers import ROOT, last_json, measure, peers_python, report, synth

p = argparse.ArgumentParser()
p.add_argument("--size", default="small", choices=["tiny", "small", "medium", "large"])
p.add_argument("--year", type=int, default=2025)
p.add_argument("--repeat", type=int, default=3)
a = p.parse_args()

path = str(synth(a.size) / "cin" / f"CIN_{a.year}.xml")
py = peers_python()
peer = measure([str(py), str(ROOT / "bench" / "_peer_cin_driver.py"), str(a.year), path], a.repeat)
cw = str(ROOT / ".venv" / "bin" / "casewatch")
load = measure([cw, "load", path, "--db", str(ROOT / "var" / "bench" / "peercin.duckdb")], a.repeat)
val = measure([cw, "validate", path, "--format", "json"], a.repeat)
ours = {"seconds": load["seconds"] + val["seconds"], "peak_mb": max(load["peak_mb"], val["peak_mb"])}
v = json.loads(val["stdout"])
report(f"CIN census {a.year - 1}-{a.year % 100:02d}, {a.size} council", peer, ours,
       sum(f["rows_read"] for f in v["files"]), last_json(peer["stdout"])["errors_by_rule"], v["issues_by_rule"])
print(f"  (casewatch load alone {load['seconds']:.2f} s, validate alone {val['seconds']:.2f} s)")
