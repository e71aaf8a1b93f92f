"""`casewatch forecast`: children in care by age and placement, 1-3 years ahead, with intervals, spend,
scenarios and a backtest."""

from __future__ import annotations

import argparse
import json


def add_parser(sub, out, err, user_error, parse_date) -> None:
    p = sub.add_parser("forecast", help="demand forecast: children in care by age and placement, spend, scenarios")
    p.add_argument("--db", required=True)
    p.add_argument("--as-of", type=parse_date, default=None,
                   help="forecast from this date, using only the data up to it (default: the date the data runs to)")
    p.add_argument("--horizon-months", type=int, default=24)
    p.add_argument("--reference-months", type=int, default=6, help="months of recent data the rates come from")
    p.add_argument("--scenario", default=None, help="a scenario file (TOML; docs/forecast.md)")
    p.add_argument("--costs", default=None, help="weekly unit costs (TOML, as casewatch/forecast/costs.toml)")
    p.add_argument("--runs", type=int, default=1000, help="simulated futures for the intervals")
    p.add_argument("--no-backtest", action="store_true")
    p.add_argument("--council", default=None)
    p.add_argument("--format", default="table", choices=["table", "json", "html"])
    p.add_argument("--out", default=None)

    def run(args: argparse.Namespace) -> int:
        from casewatch.forecast.run import ForecastError, forecast
        from casewatch.forecast.scenario import ScenarioError, load
        from casewatch.measures.api import IndicatorError, open_council

        if not 1 <= args.horizon_months <= 36:
            raise user_error("--horizon-months must be 1 to 36")
        if not 1 <= args.reference_months <= 60:
            raise user_error("--reference-months must be 1 to 60")
        if args.runs < 100:
            raise user_error("--runs must be at least 100")
        try:
            scenario = load(args.scenario) if args.scenario else None
            with open_council(args.db, args.council) as (con, ctx):
                as_of = args.as_of or ctx.data_to
                if as_of > ctx.data_to:
                    raise user_error(f"the data runs to {ctx.data_to}; a forecast from {as_of} cannot use data not "
                                     "there")
                result = forecast(con, as_of, args.horizon_months, args.reference_months, scenario, args.costs,
                                  args.runs, not args.no_backtest)
        except (IndicatorError, ForecastError, ScenarioError) as exc:
            raise user_error(str(exc)) from None
        if args.format == "table":
            from casewatch.cli_output import emit_table

            emit_table(lambda console: _table(console, ctx.council_name, result), args.out, out, err)
            return 0
        if args.format == "json":
            text = json.dumps(result)
        else:
            from casewatch.outputs.forecast_html import to_html

            text = to_html(result, ctx.council_name)
        from casewatch.cli_output import emit

        emit(text, args.out, err)
        return 0

    p.set_defaults(func=run)


def _table(out, council: str, r: dict) -> None:
    from rich.table import Table

    from casewatch.words import day, day_short

    words = r["words"]
    out.print(f"[bold]{council}[/bold]: {r['in_care_at_start']} children in care on {day(r['as_of'])}; "
              f"{r['rates']['entries_per_year']:.0f} a year coming in, {r['rates']['leaving_per_year']:.0f} leaving "
              f"(rates from {day(r['reference_window']['start'])} to {day(r['reference_window']['end'])})")
    t = Table(title="Forecast of children in care and monthly placement spend")
    scen = {s["date"]: s["mean"] for s in r.get("scenario", {}).get("total", [])}
    for col in ("date", "children in care", words["band_label"], "spend that month (£)") + (("scenario",) if scen else ()):
        t.add_column(col, justify="right" if col != "date" else "left")
    for tot, cost in list(zip(r["total"], r["cost"], strict=True))[2::3]:
        row = [day_short(tot["date"]), f"{tot['mean']:.0f}", f"{tot['lower']:.0f}-{tot['upper']:.0f}",
               f"{cost['mean']:,.0f}"]
        t.add_row(*row, *([f"{scen[tot['date']]:.0f}"] if scen else []))
    out.print(t)
    out.print(words["method"], markup=False)
    out.print(words["band"], markup=False)
    out.print("How this is worked out", style="bold")
    out.print(words["how"], markup=False)
