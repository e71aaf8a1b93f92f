"""Daily caseloads (counted and weighted) for every worker of a large synthetic council over 5 years.

    .venv/bin/python bench/caseloads.py [--size large] [--threads 2] [--repeat 3]

Goal (issue 5): under 2 s on 2 cores. Reuses the database bench/indicators.py builds (var/bench/); the timed
part runs in a fresh process: attach read-only, scope, build holdings (case type intervals x allocations),
expand to one row per worker per day, 1 April 2021 to 31 March 2026.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from indicators import VAR, prepare  # noqa: E402

TIMED = r"""
import json, resource, sys, time
from datetime import date
from casewatch import standards
from casewatch.measures.scope import attach, scope
from casewatch.workforce.caseloads import daily
db, threads = sys.argv[1], sys.argv[2]
con = attach(db)
con.execute(f"SET threads = {threads}")
t = time.perf_counter()
scope(con, con.execute("SELECT council_id FROM db.councils").fetchone()[0])
weights = {"cla": 1.5, "cp": 1.5, "cin": 1.0, "assessment": 0.8}
daily(con, date(2021, 4, 1), date(2026, 3, 31), weights)
secs = time.perf_counter() - t
rows, workers = con.execute("SELECT count(*), count(DISTINCT worker_id) FROM daily_caseloads").fetchone()
print(json.dumps({"seconds": secs, "rows": rows, "workers": workers,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="large")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    VAR.mkdir(parents=True, exist_ok=True)
    db = prepare(a.size, a.seed)
    runs = [json.loads(subprocess.run([sys.executable, "-c", TIMED, str(db), str(a.threads)], check=True,
                                      capture_output=True, text=True).stdout.strip().splitlines()[-1])
            for _ in range(a.repeat)]
    med = statistics.median(r["seconds"] for r in runs)
    r = runs[0]
    print(f"{a.size} council (seed {a.seed}): {r['workers']:,} workers, {r['rows']:,} worker-days (5 years), "
          f"weighted by case type")
    print(f"  daily caseloads, {a.threads} threads: median {med:.2f} s (runs "
          f"{', '.join(format(x['seconds'], '.2f') for x in runs)}); peak {max(x['peak_mb'] for x in runs):.0f} MB")
    print(f"  goal < 2 s: {'met' if med < 2 else 'NOT met'}")


if __name__ == "__main__":
    main()
