"""Every indicator, every breakdown, 5 years, for one synthetic council: wall time, threads, peak memory.

    .venv/bin/python bench/indicators.py --size large [--threads 2] [--repeat 3]

Goal (issue 4): under 5 s on 2 cores for a large council. The synthetic council is generated and loaded once
(var/bench/indicators-SIZE.duckdb); the timed part runs in a fresh process with DuckDB limited to --threads:
attach read-only, scope to the council, compute all indicators x all breakdowns x 5 period ends.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VAR = ROOT / "var" / "bench"
TIMED = r"""
import json, resource, sys, time
from datetime import date
t0 = time.perf_counter()
from casewatch.measures.catalogue import all_indicators
from casewatch.measures.compute import compute_all
from casewatch.measures.scope import attach, scope
db, threads = sys.argv[1], sys.argv[2]
t1 = time.perf_counter()
con = attach(db)
con.execute(f"SET threads = {threads}")
council = con.execute("SELECT council_id FROM db.councils").fetchone()[0]
scope(con, council)
figs = compute_all(con, [date(y, 3, 31) for y in range(2022, 2027)])
t2 = time.perf_counter()
print(json.dumps({"indicators": len(all_indicators()), "figures": len(figs), "import_s": t1 - t0,
                  "compute_s": t2 - t1, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def prepare(size: str, seed: int) -> Path:
    db = VAR / f"indicators-{size}-{seed}.duckdb"
    if not db.exists():
        from casewatch.model.load import load_directory
        from casewatch.synth import SynthOptions, generate
        out = VAR / f"indicators-{size}-{seed}"
        generate(out, SynthOptions(size=size, seed=seed, end=date(2026, 3, 31)))
        load_directory(out, db)
    return db


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="large")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    VAR.mkdir(parents=True, exist_ok=True)
    db = prepare(a.size, a.seed)
    import duckdb
    with duckdb.connect(str(db), read_only=True) as con:
        children = con.execute("SELECT count(*) FROM children").fetchone()[0]
        rows = sum(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in
                   ("referrals", "assessments", "cla_episodes", "allocations", "visits", "cp_plans"))
    runs = []
    for _ in range(a.repeat):
        done = subprocess.run([sys.executable, "-c", TIMED, str(db), str(a.threads)], check=True,
                              capture_output=True, text=True)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    med = statistics.median(r["compute_s"] for r in runs)
    r = runs[0]
    print(f"{a.size} council (seed {a.seed}): {children:,} children, {rows:,} rows in the main case tables")
    print(f"  {r['indicators']} indicators x all breakdowns x 5 period ends = {r['figures']:,} figures")
    print(f"  compute (attach, scope, all figures), {a.threads} threads: median {med:.2f} s "
          f"(runs {', '.join(format(x['compute_s'], '.2f') for x in runs)}); imports {r['import_s']:.2f} s; "
          f"peak {max(x['peak_mb'] for x in runs):.0f} MB")
    print(f"  goal < 5 s: {'met' if med < 5 else 'NOT met'}")


if __name__ == "__main__":
    main()
