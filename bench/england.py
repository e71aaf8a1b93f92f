"""England-scale regional pool on one machine: synth N councils, then time the pipeline stage by stage.

    .venv/bin/python bench/england.py [--councils 150] [--size medium] [--years 5] [--jobs 2] [--work DIR]

Councils are generated in separate processes (`casewatch synth --first-council K`, --jobs at a time; not part of
the pipeline's time: a real pool receives exports). Then, each in a fresh process measured by /usr/bin/time
(wall seconds, peak resident memory):
  load        `casewatch pool DIR/c* --db england.duckdb` (union, de-duplication, validation, quarantine, swap)
  indicators  `casewatch compare --db england.duckdb --format json` (every indicator for every council,
              ranks, quartiles, funnels)
  lists       every council's action lists on its last day (casewatch.lists.run_lists, one process)
  report      the first council's full report (HTML, PDF, XLSX)
and the practical limit for each: a raw DuckDB pass over the same data (load: CREATE TABLE AS SELECT * from
the Parquet; indicators and lists: one full scan of every column of the tables they read), the ratio goal <= 3x.
Goals (issue 10): the whole pipeline under 10 minutes and 8 GB on 2 cores. Prints a table; details in
DIR/england.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASEWATCH = ROOT / ".venv" / "bin" / "casewatch"
PY = ROOT / ".venv" / "bin" / "python"
LIST_TABLES = ["visits", "allocations", "cla_episodes", "cp_plans", "cin_plans", "assessments", "section47",
               "cla_reviews", "children", "workers", "referrals"]


def timed(cmd: list[str], log: Path) -> dict:
    """Run under /usr/bin/time: wall seconds and peak resident memory (MB)."""
    fmt = "%e %M"
    with log.open("w") as f:
        done = subprocess.run(["/usr/bin/time", "-f", fmt, "-o", str(log) + ".time", *cmd], stdout=f,
                              stderr=subprocess.STDOUT)
    if done.returncode:
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}; see {log}")
    seconds, kb = (log.with_name(log.name + ".time").read_text().split()[-2:])
    return {"seconds": float(seconds), "peak_mb": round(int(kb) / 1024)}


def synth(work: Path, n: int, size: str, years: int, jobs: int) -> float:
    todo = [i for i in range(1, n + 1) if not (work / f"c{i:03d}" / "truth.json").exists()]

    def one(i: int) -> None:
        out = work / f"c{i:03d}"
        subprocess.run([str(CASEWATCH), "synth", "--out", str(out), "--size", size, "--years", str(years),
                        "--first-council", str(i), "--councils", "1", "--seed", "1", "--end", "2026-03-31"],
                       check=True, capture_output=True)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(one, todo))
    return time.perf_counter() - start


def raw(work: Path, db: Path, stage: str) -> dict:
    """The practical limit: DuckDB alone over the same data."""
    script = {
        "load": f"""
import duckdb, glob
con = duckdb.connect('{work}/raw.duckdb')
for t in sorted({{p.rsplit('/', 1)[1] for p in glob.glob('{work}/c*/*.parquet')}}):
    con.execute(f"CREATE OR REPLACE TABLE \\"{{t[:-8]}}\\" AS SELECT * FROM read_parquet('{work}/c*/{{t}}', union_by_name=true)")
""",
        "scan": f"""
import duckdb
con = duckdb.connect('{db}', read_only=True)
for t in [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()]:
    con.execute(f'SELECT sum(hash(x)) FROM "{{t}}" x').fetchall()
""",
        "scan_lists": f"""
import duckdb
con = duckdb.connect('{db}', read_only=True)
for t in {LIST_TABLES!r}:
    con.execute(f'SELECT sum(hash(x)) FROM "{{t}}" x').fetchall()
"""}[stage]
    return timed([str(PY), "-c", script], work / f"raw_{stage}.log")


def rows_in(db: Path) -> int:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()]
    return sum(con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables if t not in ("calendar",))


LISTS = """
import shutil, sys, tempfile
from pathlib import Path
from casewatch import standards
from casewatch.lists.run import run_lists
from casewatch.measures.run import _context
from casewatch.measures.scope import attach
from casewatch.pool.compare import scope_split, split
con = attach(sys.argv[1])
std = standards.load(None)
folder = Path(tempfile.mkdtemp(dir=Path(sys.argv[1]).parent))
split(con, folder)  # every council's rows in its own files, once (as casewatch compare does)
n = 0
for (council,) in con.execute("SELECT council_id FROM db.councils ORDER BY 1").fetchall():
    ctx = _context(con, council, None, None)
    scope_split(con, council, folder)
    n += len(run_lists(con, ctx.data_to, std))
shutil.rmtree(folder)
print(n, "action-list rows")
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--councils", type=int, default=150)
    ap.add_argument("--size", default="medium")
    ap.add_argument("--years", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--work", default=str(ROOT / "var" / "bench" / "england"))
    ap.add_argument("--memory-limit", default=None,
                    help="CASEWATCH_MEMORY_LIMIT for every stage, e.g. 5GB (DuckDB spills beyond it)")
    ap.add_argument("--stages", default="load,indicators,lists,report")
    a = ap.parse_args()
    if a.memory_limit:
        os.environ["CASEWATCH_MEMORY_LIMIT"] = a.memory_limit
    work = Path(a.work) / f"{a.councils}x{a.size}"
    work.mkdir(parents=True, exist_ok=True)
    made = synth(work, a.councils, a.size, a.years, a.jobs)
    db = work / "england.duckdb"
    stages = {}
    wanted = set(a.stages.split(","))
    stages["load"] = timed([str(CASEWATCH), "pool", *sorted(str(p) for p in work.glob("c[0-9]*")), "--db", str(db)],
                           work / "load.log") if "load" in wanted or not db.exists() else {"seconds": 0.0, "peak_mb": 0}
    rows = rows_in(db)
    if "indicators" in wanted:
        stages["indicators"] = timed([str(CASEWATCH), "compare", "--db", str(db), "--format", "json"],
                                     work / "indicators.log")
    if "lists" in wanted:
        stages["lists"] = timed([str(PY), "-c", LISTS, str(db)], work / "lists.log")
    if "report" in wanted:
        stages["report"] = timed([str(CASEWATCH), "report", "--db", str(db), "--council", "X01", "--out",
                                  str(work / "report")], work / "report.log")
    limits = {"load": raw(work, db, "load")}
    if "indicators" in wanted:
        limits["indicators"] = raw(work, db, "scan")
    if "lists" in wanted:
        limits["lists"] = raw(work, db, "scan_lists")
    referrals = __import__("duckdb").connect(str(db), read_only=True).execute("SELECT count(*) FROM referrals").fetchone()[0]
    visits = __import__("duckdb").connect(str(db), read_only=True).execute("SELECT count(*) FROM visits").fetchone()[0]
    total = sum(s["seconds"] for s in stages.values())
    peak = max(s["peak_mb"] for s in stages.values())
    print(f"{a.councils} {a.size} councils x {a.years} years: {rows:,} rows ({referrals:,} referrals, {visits:,} "
          f"visits); generated in {made:.0f} s ({a.jobs} at a time; not in the pipeline's time); {os.cpu_count()} cores")
    print("| stage | seconds | rows/s | peak MB | raw DuckDB s | ratio |")
    print("|---|---|---|---|---|---|")
    for name, s in stages.items():
        if not s["seconds"]:
            continue  # a stage not run this time (--stages)
        lim = limits.get(name)
        ratio = f"{s['seconds'] / lim['seconds']:.1f}x" if lim else "-"
        print(f"| {name} | {s['seconds']:.1f} | {rows / s['seconds']:,.0f} | {s['peak_mb']:,} | "
              f"{lim['seconds']:.1f} |" if lim else f"| {name} | {s['seconds']:.1f} | {rows / s['seconds']:,.0f} | "
              f"{s['peak_mb']:,} | - |", ratio, "|")
    print(f"| **total** | **{total:.1f}** | | **{peak:,}** | | |")
    print(f"goals: under 600 s ({'met' if total < 600 else 'NOT met'}), under 8,192 MB "
          f"({'met' if peak < 8192 else 'NOT met'})")
    (work / f"england-{'-'.join(sorted(wanted))}.json").write_text(json.dumps({"councils": a.councils, "size": a.size, "rows": rows,
                                                   "referrals": referrals, "visits": visits, "synth_seconds": made,
                                                   "stages": stages, "limits": limits}, indent=1))


if __name__ == "__main__":
    main()
