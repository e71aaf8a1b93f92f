"""The whole report (HTML, PDF, XLSX) for a large synthetic council: wall time per stage and peak memory.

    .venv/bin/python bench/report.py [--size large] [--audience internal|public] [--repeat 1]

Goal (issue 6): under 20 s. Reuses the database bench/indicators.py builds (var/bench/); the timed part runs in a
fresh process (imports included): figures (5 years, team breakdowns), charts, html, xlsx, pdf.
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
t0 = time.perf_counter()
from casewatch.outputs.report import write_report
db, out, audience = sys.argv[1:4]
done = write_report(db, out, la="873", audience=audience)
print(json.dumps({"total": time.perf_counter() - t0, "stages": done.seconds,
                  "pages": None, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "sizes_kb": {k: round(v.stat().st_size / 1024) for k, v in done.files.items()}}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="large")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--audience", default="internal")
    ap.add_argument("--repeat", type=int, default=1)
    a = ap.parse_args()
    VAR.mkdir(parents=True, exist_ok=True)
    db = prepare(a.size, a.seed)
    out = VAR / f"report-{a.size}-{a.audience}"
    runs = [json.loads(subprocess.run([sys.executable, "-c", TIMED, str(db), str(out), a.audience], check=True,
                                      capture_output=True, text=True).stdout.strip().splitlines()[-1])
            for _ in range(a.repeat)]
    med = statistics.median(r["total"] for r in runs)
    r = runs[0]
    pages = subprocess.run(["pdfinfo", str(out / "report.pdf")], capture_output=True, text=True).stdout
    pages = next((ln.split()[-1] for ln in pages.splitlines() if ln.startswith("Pages:")), "?")
    print(f"report, {a.size} council (seed {a.seed}), {a.audience}: median {med:.1f} s over {a.repeat} run(s), "
          f"imports included; peak {max(x['peak_mb'] for x in runs):.0f} MB")
    print("  stages (s): " + ", ".join(f"{k} {v}" for k, v in r["stages"].items()))
    print(f"  files (KB): {r['sizes_kb']}; PDF pages: {pages}")
    print(f"  goal < 20 s: {'met' if med < 20 else 'NOT met'}")


if __name__ == "__main__":
    main()
