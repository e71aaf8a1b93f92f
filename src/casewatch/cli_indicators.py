"""`casewatch indicators`: the indicator catalogue as a table, JSON or CSV."""

from __future__ import annotations

import argparse
import json
import sys

from rich.table import Table as RichTable

from casewatch import words
from casewatch.outputs.safefile import dict_writer

FIELDS = ("id", "title", "value", "numerator", "denominator", "unit", "polarity", "period_start", "period_end",
          "england", "sn_mean", "quartile", "rank", "of", "benchmark_year", "previous", "direction", "breakdown",
          "group")
UNIT_SUFFIX = {"percent": "%", "per_10k": " per 10k", "mean": "", "median": "", "ratio": "", "count": ""}


def add_parser(sub, out, err, user_error, parse_date) -> None:
    p = sub.add_parser("indicators", help="the indicator catalogue at a period end, against England and "
                                          "statistical neighbours")
    p.add_argument("--db", help="the analytics database (casewatch load)")
    p.add_argument("--period-end", type=parse_date, default=None, help="default: the last 31 March in the data")
    p.add_argument("--council", default=None, help="council code when the database holds several")
    p.add_argument("--la", default=None, help="DfE LA code to benchmark as (default: the council's own code)")
    p.add_argument("--by", default=None, help="also break each indicator down: team, worker, age_band, sex, "
                                              "ethnicity, disability, legal_status, placement_type")
    p.add_argument("--id", action="append", dest="ids", help="only this indicator (repeatable)")
    p.add_argument("--standards", default=None, help="the council's own standards file (TOML; see "
                                                     "casewatch/standards.toml for the defaults)")
    p.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                   help="a standard an indicator takes, over the standards file: its section and key joined by _, "
                        "e.g. caseload_cap=18 or visits_cp_working_days=15 (docs/indicators.md lists them)")
    p.add_argument("--format", default="table", choices=["table", "json", "csv"])
    p.add_argument("--list", action="store_true", help="list the indicators and stop")
    p.add_argument("--indicators-dir", default=None, help="a folder of the council's own indicators and lists "
                   "(TOML; docs/indicators.md); default: $CASEWATCH_INDICATORS_DIR")

    def run(args: argparse.Namespace) -> int:
        from casewatch import standards
        from casewatch.measures.catalogue import registry
        from casewatch.measures.run import IndicatorError, indicators

        try:
            every = registry(args.indicators_dir).values()
        except IndicatorError as exc:
            raise user_error(str(exc)) from None
        if args.list:
            for ind in every:
                out.print(f"{ind.id:40} {ind.title}", markup=False, highlight=False)
            return 0
        if not args.db:
            raise user_error("--db is required")
        settings = {}
        for item in args.set:
            name, _, val = item.partition("=")
            if not val:
                raise user_error(f"--set {item!r}: write NAME=VALUE")
            settings[name.strip()] = val.strip()  # checked (a known name, a number) by measures.compute.in_force
        try:
            ctx, items = indicators(args.db, args.period_end, args.council, args.la, args.by, args.ids, settings,
                                    standards.load(args.standards))
        except (IndicatorError, standards.StandardsError) as exc:
            raise user_error(str(exc)) from None
        if args.format == "json":
            print(json.dumps(items))
        elif args.format == "csv":
            w = dict_writer(sys.stdout, fieldnames=FIELDS, extrasaction="ignore", lineterminator="\n")
            w.writeheader()
            w.writerows(items)
        else:
            _table(out, ctx, items)
        return 0

    p.set_defaults(func=run)


def _fmt(v, unit: str) -> str:
    if v is None:
        return "-"
    return (f"{v:,}" if isinstance(v, int) else f"{v:,.1f}" if unit == "per_10k" else f"{v:,}") + UNIT_SUFFIX[unit]


def _table(out, ctx, items: list[dict]) -> None:
    bench = f", benchmarked as {ctx.la_code}" if ctx.la_code else " (no LA code: England only; --la CODE to compare)"
    t = RichTable(title=f"{ctx.council_name} ({ctx.council_id}) at {words.day(ctx.period_end)}{bench}",
                  title_justify="left")
    for col, just in (("indicator", "left"), ("group", "left"), ("value", "right"), ("of", "right"),
                      ("last year", "right"), ("direction", "left"), ("England", "right"), ("SN mean", "right"),
                      ("quartile", "right")):
        t.add_column(col, justify=just)
    for i in items:
        worse = i["direction"] == "worse"
        t.add_row(i["title"] if i["breakdown"] is None else "", i["group"] or "", _fmt(i["value"], i["unit"]),
                  "" if i["denominator"] is None else f"{i['denominator']:,}", _fmt(i["previous"], i["unit"]),
                  f"[bold red]{i['direction']}[/]" if worse else (i["direction"] or ""),
                  _fmt(i["england"], i["unit"]), _fmt(i["sn_mean"], i["unit"]),
                  "" if i["quartile"] is None else str(i["quartile"]))
    if ctx.la_code:
        from casewatch.benchmarks import ofsted

        latest = next(iter(ofsted(ctx.la_code)), None)
        if latest:
            out.print(f"Ofsted ({latest['framework'].upper()}, published {words.day(latest['published'])}): overall "
                      f"{latest['overall']}; help and protection {latest['help_and_protection'] or '-'}; children "
                      f"in care {latest['children_in_care'] or '-'}", markup=False, soft_wrap=True)
    out.width = max(out.width, 160)  # a wide table reads better than a wrapped one, even in a pipe
    out.print(t)
