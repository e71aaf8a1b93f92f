"""Synth and load throughput (rows/s) and peak memory for one council.

    .venv/bin/python bench/synth_load.py --size large

Each stage runs in its own child process so its peak resident memory (ru_maxrss) is its own.
Prints one line per stage and a total; figures go into docs/performance.md by hand.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

STAGE = r"""
import json, resource, sys, time
from datetime import date
from pathlib import Path
stage, out, size, seed = sys.argv[1:5]
t = time.perf_counter()
if stage == "synth":
    from casewatch.synth import SynthOptions, generate
    truth = generate(out, SynthOptions(size=size, seed=int(seed), end=date(2026, 3, 31)))
    rows = sum(truth["rows"].values())
else:
    from casewatch.model.load import load_directory
    report = load_directory(out, Path(out).with_suffix(".duckdb"))
    rows = report.rows_read
secs = time.perf_counter() - t
print(json.dumps({"stage": stage, "rows": rows, "seconds": secs,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run_stage(stage: str, out: Path, size: str, seed: int) -> dict:
    done = subprocess.run([sys.executable, "-c", STAGE, stage, str(out), size, str(seed)],
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="large")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "council"
        total = 0.0
        print(f"casewatch synth + load, --size {args.size}, seed {args.seed}")
        for stage in ("synth", "load"):
            r = run_stage(stage, out, args.size, args.seed)
            total += r["seconds"]
            print(f"{stage:6s} {r['rows']:>10,} rows  {r['seconds']:6.2f} s  {r['rows'] / r['seconds']:>10,.0f} rows/s"
                  f"  peak {r['peak_mb']:,.0f} MB")
        db = out.with_suffix(".duckdb")
        print(f"total  {total:6.2f} s (goal < 15 s)   database {db.stat().st_size / 2**20:,.0f} MiB")


if __name__ == "__main__":
    main()
