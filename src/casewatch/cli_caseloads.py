"""`casewatch caseloads`: every worker's caseload on a date against their cap, and each team's pressure and trend."""

from __future__ import annotations

import argparse
import json

from rich.table import Table as RichTable

from casewatch import words


def add_parser(sub, out, err, user_error, parse_date) -> None:
    p = sub.add_parser("caseloads", help="caseloads on a date: workers against the cap, teams' load per FTE and trend")
    p.add_argument("--db", required=True)
    p.add_argument("--date", type=parse_date, default=None, help="default: the date the data runs to")
    p.add_argument("--council", default=None)
    p.add_argument("--team", default=None, help="only this team's workers")
    p.add_argument("--cap", type=float, default=None, help="cases per full-time worker (default: standards)")
    p.add_argument("--standards", default=None)
    p.add_argument("--format", default="table", choices=["table", "json"])

    def run(args: argparse.Namespace) -> int:
        from casewatch import standards
        from casewatch.measures.api import IndicatorError, open_council
        from casewatch.workforce.caseloads import daily
        from casewatch.workforce.pressure import _months_before, teams_on, workers_on

        try:
            std = standards.load(args.standards)
        except standards.StandardsError as exc:
            raise user_error(str(exc)) from None
        cap = args.cap if args.cap is not None else std["caseload"]["cap"]
        try:
            with open_council(args.db, args.council) as (con, ctx):
                on = args.date or ctx.data_to
                if on > ctx.data_to:
                    raise user_error(f"the data runs to {words.day(ctx.data_to)}; caseloads on {words.day(on)} "
                                     "cannot be known")
                daily(con, _months_before(on, 12), on, std["caseload"]["weights"])
                workers = [w for w in workers_on(con, on, cap, std["caseload"]["asye_factor"])
                           if args.team is None or w["team"] == args.team]
                teams = teams_on(con, on, cap, std["caseload"]["asye_factor"])
        except IndicatorError as exc:
            raise user_error(str(exc)) from None
        if args.format == "json":
            print(json.dumps({"date": on.isoformat(), "cap": cap, "teams": teams, "workers": workers}))
            return 0
        t = RichTable(title=f"{ctx.council_name}: teams on {words.day(on)} (cap {cap:g} per FTE)", title_justify="left")
        for col in ("team", "case holders", "cases", "FTE", "weighted per FTE", "holders over cap", "3 months before",
                    "12 months before", "trend"):
            t.add_column(col, justify="left" if col in ("team", "trend") else "right")
        for r in teams:
            t.add_row(r["name"] or r["team"], str(r["holders"]), f"{r['cases']:,}", f"{r['fte']:.1f}", str(r["weighted_per_fte"]),
                      f"{r['workers_over_cap']} of {r['holders']}", str(r["per_fte_3_months_before"] or "-"),
                      str(r["per_fte_12_months_before"] or "-"),
                      f"[bold red]{r['trend_3_months']}[/]" if r["trend_3_months"] == "rising" else
                      (r["trend_3_months"] or "-"))
        out.width = max(out.width, 140)
        out.print(t)
        over = [w for w in workers if w["over_cap"]]
        out.print(f"{len(over)} of {len(workers)} case holders over their cap"
                  + (": " + ", ".join(f"{w['worker_name']} ({w['weighted']:g} / {w['cap']:g})" for w in over[:20])
                     if over else ""), markup=False, soft_wrap=True)
        return 0

    p.set_defaults(func=run)
