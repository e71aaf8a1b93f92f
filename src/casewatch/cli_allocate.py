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
        from casewatch.measures.api import IndicatorError, open_council
        from casewatch.workforce.plan import PlanError, propose
        from casewatch.workforce.pressure import names

        try:
            std = standards.load(args.standards)
        except standards.StandardsError as exc:
            raise user_error(str(exc)) from None
        cap = args.cap if args.cap is not None else float(std["caseload"]["cap"])
        if cap <= 0:
            raise user_error("--cap must be more than 0")
        if args.time_limit <= 0:
            raise user_error("--time-limit must be more than 0 seconds")
        try:  # a StoreError says what is wrong with the file
            with open_council(args.db, args.council) as (con, ctx):
                on = args.date or ctx.data_to
                if on > ctx.data_to:
                    raise user_error(f"the data runs to {ctx.data_to}; allocations on {on} cannot be known")
                result = propose(con, on, std, cap, args.time_limit, args.threads)
                workers, teams = names(con)
        except IndicatorError as exc:
            raise user_error(str(exc)) from None
        except PlanError as exc:
            raise user_error(str(exc).replace("time limit", "--time-limit")) from None
        if args.format == "json":
            print(json.dumps(result))
        else:
            _print(out, ctx, result, workers, teams)
        return 0

    p.set_defaults(func=run)


def _who(worker: str | None, names: dict[str, str]) -> str:
    """A worker as a person reads them: 'Amina Khan (SW0010000029)', or the id alone when there is no name."""
    return f"{names[worker]} ({worker})" if worker in names else (worker or "-")


def _print(out, ctx, r: dict, workers: dict[str, str], teams: dict[str, str]) -> None:
    out.width = max(out.width, 140)
    if r.get("shortfall_message"):  # the finding first: no plan can do better than the staff available
        out.print(r["shortfall_message"], style="bold red", markup=False, soft_wrap=True)
    t = RichTable(title=f"{ctx.council_name}: proposed moves on {r['date']} (cap {r['cap']:g} per FTE)",
                  title_justify="left")
    for col in ("child", "case type", "from", "to", "why"):
        t.add_column(col)
    for m in r["moves"]:
        t.add_row(m["child"], m["case_type"], _who(m["from"], workers), _who(m["to"], workers), m["why"])
    out.print(t if r["moves"] else "No moves needed: every worker is at or under their cap and every child has "
              "a worker.", markup=False)
    w = RichTable(title="Workers whose caseload changes or who are over their cap (cases / weighted / cap)",
                  title_justify="left")
    for col in ("worker", "team", "FTE", "ASYE", "before", "after", "cap"):
        w.add_column(col, justify="left" if col in ("worker", "team") else "right")
    for wid, a in sorted(r["after"]["workers"].items()):
        b = r["before"]["workers"][wid]
        if b["cases"] != a["cases"] or b["over_cap"] or a["over_cap"]:
            w.add_row(_who(wid, workers), teams.get(a["team"], a["team"] or "-"), f"{a['fte']:g}", "yes" if a["asye"] else "",
                      f"{b['cases']} / {b['weighted']:g}", _mark(f"{a['cases']} / {a['weighted']:g}", a["over_cap"]),
                      f"{a['cap']:g}")
    out.print(w)
    tt = RichTable(title="Teams (cases / weighted / workers over cap)", title_justify="left")
    for col in ("team", "service", "workers", "before", "after", "cap"):
        tt.add_column(col, justify="left" if col in ("team", "service") else "right")
    for tid, a in sorted(r["after"]["teams"].items()):
        b = r["before"]["teams"][tid]
        tt.add_row(teams.get(tid, tid), a["service"] or "-", str(a["workers"]),
                   f"{b['cases']} / {b['weighted']:g} / {b['over_cap']} over",
                   _mark(f"{a['cases']} / {a['weighted']:g} / {a['over_cap']} over", a["over_cap"] > 0), f"{a['cap']:g}")
    out.print(tt)
    o, bd = r["objective"], r["best_bound"]
    out.print(f"Status {r['status']}: {r['children_moved']} children change worker, {r['children_placed']} placed; "
              f"objective ({r.get('objective_order', 'max overload, move cost')}): total overload "
              f"{o.get('total_overload', 0):g}, workers over cap {o.get('workers_over_cap', 0)}, max overload "
              f"{o['max_overload']:g}, move cost {o['move_cost']}; best bound ({bd.get('total_overload', 0):g}, "
              f"{bd.get('workers_over_cap', 0)}, {bd['max_overload']:g}, {bd['move_cost']}), gap "
              f"{100 * r['optimality_gap']:.2f}%, {r['solve_seconds']:.2f} s", markup=False, soft_wrap=True)
    if r.get("gap_message"):
        out.print(r["gap_message"], markup=False, soft_wrap=True)
    if r["message"]:
        out.print(r["message"], style="bold red", markup=False, soft_wrap=True)


def _mark(text: str, bad: bool) -> str:
    return f"[bold red]{text}[/]" if bad else text
