"""`casewatch allocate`: propose who should hold which child so that every worker is at or under their cap.

A managers' tool: the moves name children (child-level data, as a manager's allocation list does); nothing is
logged, and no error message carries a child's identifier.
"""

from __future__ import annotations

import argparse
import json

from rich.table import Table as RichTable


def add_parser(sub, out, err, user_error, parse_date) -> None:
    p = sub.add_parser("allocate", help="caseload balancer: propose moves so every worker ends at or under the cap")
    p.add_argument("--db", required=True, help="the analytics database (casewatch load)")
    p.add_argument("--date", type=parse_date, default=None, help="default: the date the data runs to")
    p.add_argument("--cap", type=float, default=None,
                   help="weighted cases per full-time worker (default: the standards' [caseload] cap)")
    p.add_argument("--council", default=None, help="council code when the database holds several")
    p.add_argument("--standards", default=None, help="a council's standards file (weights, ASYE factor)")
    p.add_argument("--time-limit", type=float, default=10.0, help="seconds the solver may take (default 10)")
    p.add_argument("--threads", type=int, default=2, help="solver workers (default 2)")
    p.add_argument("--format", default="table", choices=["table", "json"])

    def run(args: argparse.Namespace) -> int:
        from casewatch import standards
        from casewatch.measures.run import IndicatorError, _context
        from casewatch.measures.scope import attach, scope
        from casewatch.workforce.allocate import NoEligibleWorker, solve
        from casewatch.workforce.allocate_data import build_problem

        try:
            std = standards.load(args.standards)
        except standards.StandardsError as exc:
            raise user_error(str(exc)) from None
        cap = args.cap if args.cap is not None else float(std["caseload"]["cap"])
        if cap <= 0:
            raise user_error("--cap must be more than 0")
        if args.time_limit <= 0:
            raise user_error("--time-limit must be more than 0 seconds")
        try:
            con = attach(args.db)
        except Exception as exc:  # a missing or unreadable file: say so, no traceback
            raise user_error(f"{args.db}: cannot be opened as a casewatch database ({type(exc).__name__})") from None
        try:
            try:
                ctx = _context(con, args.council, None, None)
            except IndicatorError as exc:
                raise user_error(str(exc)) from None
            on = args.date or ctx.data_to
            if on > ctx.data_to:
                raise user_error(f"the data runs to {ctx.data_to}; allocations on {on} cannot be known")
            scope(con, ctx.council_id)
            problem = build_problem(con, on, cap, float(std["caseload"]["asye_factor"]), std["caseload"]["weights"])
        finally:
            con.close()
        if not problem.workers:
            raise user_error(f"no case-holding worker in post on {on}")
        try:
            sol = solve(problem, time_limit=args.time_limit, num_workers=max(1, args.threads))
        except NoEligibleWorker as exc:
            raise user_error(str(exc)) from None
        if sol.status in ("INFEASIBLE", "UNKNOWN"):
            raise user_error(f"the solver found no plan in {args.time_limit:g} s (status {sol.status}); "
                             "try a longer --time-limit")
        result = report(problem, sol, cap, on)
        if args.format == "json":
            print(json.dumps(result))
        else:
            _print(out, ctx, result)
        return 0

    p.set_defaults(func=run)


def report(problem, sol, cap: float, on) -> dict:
    """The JSON-ready result: moves, before/after distributions, objective, bound, gap, timing."""
    from casewatch.workforce.allocate import loads

    before, after = loads(problem), loads(problem, sol.assignment)
    over_after = [w for w in after["workers"].values() if w["over_cap"]]
    worst = max((w["weighted"] - w["cap"] for w in over_after), default=0.0)
    message = None
    if sol.max_overload > 0:
        message = (f"cap {cap:g} cannot be met: the best plan leaves {len(over_after)} worker"
                   f"{'s' if len(over_after) != 1 else ''} over, the worst by {worst:.2f} weighted cases")
    return {
        "date": on.isoformat(), "cap": cap, "status": sol.status, "message": message,
        "moves": [{"child": m.child, "case_type": m.case_type, "from": m.from_worker or "unallocated",
                   "to": m.to_worker, "why": m.why} for m in sol.moves],
        "before": before, "after": after,
        "max_weighted_load_after": max((w["weighted"] for w in after["workers"].values()), default=0.0),
        "max_overload_after": sol.max_overload,
        "workers_over_cap_before": sum(1 for w in before["workers"].values() if w["over_cap"]),
        "workers_over_cap_after": len(over_after),
        "children_moved": sol.children_moved, "children_placed": sol.children_placed,
        "children_considered": sol.movable,
        "objective": {"max_overload": sol.max_overload, "move_cost": sol.move_cost},
        "best_bound": {"max_overload": sol.bound_overload, "move_cost": sol.bound_move_cost},
        "optimality_gap": round(sol.gap, 6), "solve_seconds": round(sol.seconds, 3), "stages": sol.stages,
    }


def _print(out, ctx, r: dict) -> None:
    out.width = max(out.width, 140)
    t = RichTable(title=f"{ctx.council_name}: proposed moves on {r['date']} (cap {r['cap']:g} per FTE)",
                  title_justify="left")
    for col in ("child", "case type", "from", "to", "why"):
        t.add_column(col)
    for m in r["moves"]:
        t.add_row(m["child"], m["case_type"], m["from"], m["to"], m["why"])
    out.print(t if r["moves"] else "No moves needed: every worker is at or under their cap and every child has "
              "a worker.", markup=False)
    w = RichTable(title="Workers whose caseload changes or who are over their cap (cases / weighted / cap)",
                  title_justify="left")
    for col in ("worker", "team", "FTE", "ASYE", "before", "after", "cap"):
        w.add_column(col, justify="left" if col in ("worker", "team") else "right")
    for wid, a in sorted(r["after"]["workers"].items()):
        b = r["before"]["workers"][wid]
        if b["cases"] != a["cases"] or b["over_cap"] or a["over_cap"]:
            w.add_row(wid, a["team"] or "-", f"{a['fte']:g}", "yes" if a["asye"] else "",
                      f"{b['cases']} / {b['weighted']:g}", _mark(f"{a['cases']} / {a['weighted']:g}", a["over_cap"]),
                      f"{a['cap']:g}")
    out.print(w)
    tt = RichTable(title="Teams (cases / weighted / workers over cap)", title_justify="left")
    for col in ("team", "service", "workers", "before", "after", "cap"):
        tt.add_column(col, justify="left" if col in ("team", "service") else "right")
    for tid, a in sorted(r["after"]["teams"].items()):
        b = r["before"]["teams"][tid]
        tt.add_row(tid, a["service"] or "-", str(a["workers"]),
                   f"{b['cases']} / {b['weighted']:g} / {b['over_cap']} over",
                   _mark(f"{a['cases']} / {a['weighted']:g} / {a['over_cap']} over", a["over_cap"] > 0), f"{a['cap']:g}")
    out.print(tt)
    out.print(f"Status {r['status']}: {r['children_moved']} children change worker, {r['children_placed']} placed; "
              f"objective (max overload {r['objective']['max_overload']:g}, move cost {r['objective']['move_cost']}),"
              f" best bound ({r['best_bound']['max_overload']:g}, {r['best_bound']['move_cost']}), gap "
              f"{100 * r['optimality_gap']:.2f}%, {r['solve_seconds']:.2f} s", markup=False, soft_wrap=True)
    if r["message"]:
        out.print(r["message"], style="bold red", markup=False, soft_wrap=True)


def _mark(text: str, bad: bool) -> str:
    return f"[bold red]{text}[/]" if bad else text
