"""Caseload balancer benchmarks.

    .venv/bin/python bench/allocate.py --councils [--dir /tmp/balancer-bench] [--sizes small,medium,large]
        [--caps 18,20,22] [--time-limit 10] [--threads 2]
    .venv/bin/python bench/allocate.py [--threads 2] [--time-limit 10] [--seed 1] [--tight]

``--councils`` (issue 19): synthetic councils (`casewatch synth --scenario pressure`, seed 1, data to
2026-03-31; generated and loaded into DIR once, reused after), the plan on 2026-03-31 at each cap: workers,
children considered, model size, build and solve seconds, status, gap, workers over cap and weighted overload
before (no change) and after, moves. One line of JSON per run, then a Markdown table.

Without it, the issue-5 instance: about 300 cases to place among 100 workers.

Goal (issue 5): within 1% of the best bound in under 5 s on 2 cores. The instance: 12 teams in three services
(safeguarding, children in care, assessment), 100 case holders with FTE 0.6-1, about 15% ASYE (cap x 0.8),
existing caseloads at 55-95% of cap for most and 110-150% for a few (their children become movable), about
220 unallocated children, some in sibling groups, and some children with 2+ changes of worker in 12 months.
Weights: in care and CP 1.5, CIN 1, assessment 0.8; cap 20. ``--tight`` builds the same caseloads but then
lowers the cap to 17, so that it cannot be met (the overload stage then has work to do). Prints the figures
as JSON.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
from datetime import date
from pathlib import Path

from casewatch.workforce.allocate import Child, Problem, Worker, loads, solve, split

ON = date(2026, 3, 31)

WEIGHTS = {"cla": 1.5, "cp": 1.5, "cin": 1.0, "assessment": 0.8}
TYPES = {"safeguarding": ("cp", "cp", "cin", "cin", "cin"), "children_in_care": ("cla",),
         "assessment": ("assessment",)}
TEAMS = ["safeguarding"] * 5 + ["children_in_care"] * 4 + ["assessment"] * 3


def instance(seed: int, cap: float, unallocated: int = 150) -> Problem:
    rng = random.Random(seed)
    workers, children = [], []
    n = 0

    def child(service: str, current: str | None, family: str | None) -> Child:
        nonlocal n
        n += 1
        ct = rng.choice(TYPES[service])
        return Child(f"C{n:05d}", service, WEIGHTS[ct], current, rng.choice((0,) * 8 + (1, 2, 3)), family, ct)

    for i in range(100):
        service = TEAMS[i % len(TEAMS)]
        fte, asye = rng.choice((1.0, 1.0, 1.0, 0.8, 0.6)), rng.random() < 0.15
        w = Worker(f"W{i:03d}", round(cap * fte * (0.8 if asye else 1.0), 2), service, f"T{i % len(TEAMS):02d}",
                   fte, asye)
        workers.append(w)
        share = rng.uniform(1.1, 1.4) if rng.random() < 0.07 else rng.uniform(0.6, 0.92)
        load = 0.0
        while load < w.cap * share:
            fam = f"F{n}" if rng.random() < 0.1 else None
            for _ in range(rng.choice((2, 3)) if fam else 1):
                c = child(service, w.id, fam)
                children.append(c)
                load += c.weight
    while sum(1 for c in children if c.current is None) < unallocated:
        service = rng.choices(("safeguarding", "children_in_care", "assessment"), (5, 2, 3))[0]
        fam = f"F{n}" if rng.random() < 0.15 else None
        for _ in range(rng.choice((2, 3)) if fam else 1):
            children.append(child(service, None, fam))
    return Problem(workers, children)


def council_problem(root: Path, size: str, cap: float) -> Problem:
    from casewatch import standards
    from casewatch.measures.run import _context
    from casewatch.measures.scope import attach, scope
    from casewatch.model.load import load_directory
    from casewatch.synth import SynthOptions, generate
    from casewatch.workforce import allocate_data

    out, db = root / size, root / f"{size}.duckdb"
    if not db.exists():
        generate(out, SynthOptions(size=size, seed=1, scenario="pressure", end=ON))
        load_directory(out, db)
    std = standards.load(None)
    con = attach(str(db))
    try:
        scope(con, _context(con, None, None, None).council_id)
        return allocate_data.build_problem(con, ON, cap, float(std["caseload"]["asye_factor"]),
                                           std["caseload"]["weights"])
    finally:
        con.close()


def councils(args) -> None:
    root = Path(args.dir)
    root.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in args.sizes.split(","):
        for cap in (float(c) for c in args.caps.split(",")):
            problem = council_problem(root, size, cap)
            before = loads(problem)["workers"].values()
            sol = solve(problem, time_limit=args.time_limit, num_workers=args.threads)
            row = {"council": size, "cap": cap, "workers": len(problem.workers), "children_considered": sol.movable,
                   "classes": sol.model.get("classes"), "variables": sol.model.get("variables"),
                   "rows": sol.model.get("rows"), "build_s": round(sol.build_seconds, 3),
                   "solve_s": round(sol.seconds, 2), "status": sol.status, "gap": round(sol.gap, 4),
                   "over_before": sum(w["over_cap"] for w in before), "over_after": sol.workers_over,
                   "overload_before": round(sum(max(0.0, w["weighted"] - w["cap"]) for w in before), 2),
                   "overload_after": sol.total_overload, "candidate": sol.candidate,
                   "worst_after": sol.max_overload, "moves": sol.children_moved, "placed": sol.children_placed,
                   "stages": [(st["stage"], st["status"], st["objective"], st["best_bound"]) for st in sol.stages]}
            print(json.dumps(row), flush=True)
            rows.append(row)
    print("\n| council | cap | workers | children considered | classes / variables / rows | build s | solve s "
          "| status | gap | over cap before / after | weighted overload before / after | worst after | moves |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['council']} | {r['cap']:g} | {r['workers']} | {r['children_considered']:,} | "
              f"{r['classes']} / {r['variables']:,} / {r['rows']:,} | {r['build_s']} | {r['solve_s']} | "
              f"{r['status']} | {r['gap']:.1%} | {r['over_before']} / {r['over_after']} | "
              f"{r['overload_before']:g} / {r['overload_after']:g} | {r['worst_after']:g} | {r['moves']:,} |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--councils", action="store_true", help="synthetic pressure councils (issue 19)")
    ap.add_argument("--dir", default="/tmp/balancer-bench", help="where the councils are generated and kept")
    ap.add_argument("--sizes", default="small,medium,large")
    ap.add_argument("--caps", default="18,20,22")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--time-limit", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tight", action="store_true", help="cap 17 instead of 20: the cap cannot be met")
    args = ap.parse_args()
    if args.councils:
        councils(args)
        return
    problem = instance(args.seed, 20.0)
    if args.tight:
        problem.workers = [dataclasses.replace(w, cap=round(w.cap * 17 / 20, 2)) for w in problem.workers]
    movable, _fixed, over = split(problem)
    sol = solve(problem, time_limit=args.time_limit, num_workers=args.threads)
    print(json.dumps({
        "workers": len(problem.workers), "children": len(problem.children), "movable": len(movable),
        "unallocated": sum(1 for c in problem.children if c.current is None), "workers_over_before": len(over),
        "status": sol.status, "objective": {"max_overload": sol.max_overload, "move_cost": sol.move_cost},
        "best_bound": {"max_overload": sol.bound_overload, "move_cost": sol.bound_move_cost},
        "gap_pct": round(100 * sol.gap, 3), "children_moved": sol.children_moved,
        "children_placed": sol.children_placed, "solve_seconds": round(sol.seconds, 3), "threads": args.threads,
        "stages": sol.stages}, indent=1))


if __name__ == "__main__":
    main()
