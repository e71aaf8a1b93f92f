"""`casewatch pool` (many councils' exports into one database) and `casewatch compare` (every indicator for every
council in it, ranked)."""

from __future__ import annotations

import argparse
import json


def add_parser(sub, out, err, user_error, parse_date) -> None:
    p = sub.add_parser("pool", help="pool councils' exports (casewatch export) or canonical folders into one database")
    p.add_argument("imports", nargs="+", help="export folders (manifest.json + parquet/) or canonical table folders")
    p.add_argument("--db", required=True)
    p.add_argument("--memory-limit", default=None, help="DuckDB's memory limit, e.g. 6GB (default: "
                   "CASEWATCH_MEMORY_LIMIT, else DuckDB's 80%% of the machine); beyond it DuckDB spills to disk")

    def run_pool(args: argparse.Namespace) -> int:
        from casewatch.model.load import LoadError
        from casewatch.pool.load import pool

        _memory(args.memory_limit)
        try:
            imports, stats, report = pool(args.imports, args.db)
        except LoadError as exc:
            raise user_error(str(exc)) from None
        councils = sorted({c for i in imports for c in i.councils})
        dropped = sum(s["duplicates_dropped"] for s in stats.values())
        out.print(f"pooled {len(imports)} imports, {len(councils)} councils: {report.rows_loaded:,} rows loaded, "
                  f"{report.rows_quarantined:,} quarantined, {dropped:,} duplicate records dropped (kept from the "
                  f"import whose data runs latest) into {args.db}", markup=False)
        return 0

    p.set_defaults(func=run_pool)

    c = sub.add_parser("compare", help="every indicator for every council in a pooled database: rank, quartile, funnel")
    c.add_argument("--db", required=True)
    c.add_argument("--period-end", type=parse_date, default=None)
    c.add_argument("--indicator", action="append", dest="ids", help="only this indicator (repeatable)")
    c.add_argument("--format", default="table", choices=["table", "json", "csv", "html"])
    c.add_argument("--memory-limit", default=None, help="as for casewatch pool")
    c.add_argument("--out", default=None, help="write to this file instead of the screen (any format)")
    c.add_argument("--standards", default=None, help="one standards file every council is measured against "
                                                     "(default: the shipped standards; TOML as for indicators)")
    c.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                   help="a standard over the standards file, as for casewatch indicators (e.g. caseload_cap=18)")

    def run_compare(args: argparse.Namespace) -> int:
        from casewatch import standards
        from casewatch.measures.compute import in_force
        from casewatch.measures.define import REGISTRY
        from casewatch.measures.run import IndicatorError
        from casewatch.pool.compare import compare, figures

        _memory(args.memory_limit)
        unknown = [i for i in args.ids or [] if i not in REGISTRY]
        if unknown:
            raise user_error(f"no indicator {unknown[0]!r} (casewatch indicators --list)")
        settings = dict(item.partition("=")[::2] for item in args.set)
        if any(not v for v in settings.values()):
            raise user_error("--set: write NAME=VALUE")
        try:
            std = standards.load(args.standards)
            in_force(std, settings)  # a wrong --set or file is said before the database is opened
            pe, names, by = figures(args.db, args.period_end, args.ids, settings, std)
        except (ValueError, IndicatorError, standards.StandardsError) as exc:
            raise user_error(str(exc)) from None
        rows = compare(names, by)
        from casewatch.cli_output import csv_text, emit, emit_table

        if args.format == "json":
            emit(json.dumps({"period_end": pe.isoformat(), "indicators": [
                r | {"councils": [c.__dict__ for c in r["councils"]]} for r in rows]}, default=str), args.out, err)
        elif args.format == "html":
            from casewatch.outputs.compare_html import to_html

            emit(to_html(pe, rows), args.out, err)
        elif args.format == "csv":
            emit(csv_text(["indicator", "council", "name", "value", "numerator", "denominator", "rank", "of",
                           "quartile", "sn_mean", "funnel", "pooled"],
                          ([r["id"], x.council, x.name, x.value, x.numerator, x.denominator, x.rank, x.of,
                            x.quartile, x.sn_mean, x.funnel, r["pooled"]] for r in rows for x in r["councils"])),
                 args.out, err)
        else:
            emit_table(lambda console: _table(console, pe, rows), args.out, out, err)
        return 0

    c.set_defaults(func=run_compare)


def _memory(limit: str | None) -> None:
    import os

    if limit:
        os.environ["CASEWATCH_MEMORY_LIMIT"] = limit


def _table(out, pe, rows) -> None:
    from rich.table import Table

    from casewatch.outputs.compare_html import number as _num

    for r in rows:
        t = Table(title=f"{r['title']} ({r['unit']}), year to {pe}; pool {_num(r['pooled'])}", title_justify="left")
        for col in ("council", "value", "rank", "quartile", "funnel"):
            t.add_column(col, justify="left" if col == "council" else "right")
        for x in sorted(r["councils"], key=lambda x: (x.rank or 10**6, x.council)):
            t.add_row(f"{x.council} {x.name}", _num(x.value), f"{x.rank}/{x.of}" if x.rank else "-",
                      str(x.quartile or "-"), x.funnel or "-")
        out.print(t)
