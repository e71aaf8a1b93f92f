"""casewatch command line: synth, load, validate, rules, summary, schema, demo.

Progress goes to stderr (a rich progress bar on a terminal, plain lines otherwise); results go to stdout.
Nothing printed here carries child-level data: loads report counts and reasons, never values.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


class UserError(Exception):
    """A problem the user can fix; printed without a traceback."""


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                    TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal)


# --- synth -----------------------------------------------------------------------------------------------------
def cmd_synth(args: argparse.Namespace) -> int:
    from casewatch.synth import SynthOptions, generate

    if args.first_council < 1 or args.councils < 1:
        raise UserError("--councils and --first-council start at 1")
    options = SynthOptions(size=args.size, seed=args.seed, years=args.years, scenario=args.scenario,
                           councils=args.councils, end=args.end, first_council=args.first_council - 1)
    started = time.perf_counter()
    with _progress() as progress:
        task = progress.add_task("generating councils", total=args.councils)

        def step(i: int, n: int) -> None:
            progress.update(task, completed=i)
            if not err.is_terminal:
                err.print(f"casewatch: generating council {i + 1} of {n}")

        try:
            truth = generate(args.out, options, on_council=step)
        except ValueError as exc:
            raise UserError(str(exc)) from None
        progress.update(task, completed=args.councils)
    rows = sum(truth["rows"].values())
    err.print(f"wrote {rows:,} rows in {len(truth['rows'])} tables and truth.json to {args.out} "
              f"in {time.perf_counter() - started:.1f} s")
    formats = {f.strip() for f in getattr(args, "formats", "parquet").split(",") if f.strip()}
    if formats - {"parquet", "returns"}:
        raise UserError(f"unknown format(s): {', '.join(sorted(formats - {'parquet', 'returns'}))}")
    if "returns" in formats:
        from casewatch.returns.write_all import write_returns

        try:
            written = write_returns(Path(args.out), Path(args.out) / "returns")
        except ValueError as exc:
            raise UserError(str(exc)) from None
        err.print(f"wrote {len(written)} return files to {Path(args.out) / 'returns'}")
    return 0


# --- load ------------------------------------------------------------------------------------------------------
def cmd_load(args: argparse.Namespace) -> int:
    from casewatch.model.load import LoadError, load_directory
    from casewatch.model.store import StoreError

    paths = args.path if isinstance(args.path, list) else [args.path]
    if not (len(paths) == 1 and (Path(paths[0]) / "children.parquet").exists()):
        from casewatch.cli_returns import cmd_load_returns

        return cmd_load_returns(argparse.Namespace(**{**vars(args), "path": paths}), out, err)
    args.path = paths[0]

    started = time.perf_counter()
    with _progress() as progress:
        task = progress.add_task("loading", total=None)

        def step(name: str, i: int, n: int) -> None:
            progress.update(task, description=f"loading {name}", completed=i, total=n)
            if not err.is_terminal:
                err.print(f"casewatch: loading {name} ({i + 1} of {n})")

        try:
            report = load_directory(args.path, args.db, on_table=step)
        except (LoadError, StoreError) as exc:
            raise UserError(str(exc)) from None
    _print_load(report)
    err.print(f"loaded {report.rows_loaded:,} rows, quarantined {report.rows_quarantined:,}, into {args.db} "
              f"in {time.perf_counter() - started:.1f} s")
    return 0


def _print_load(report) -> None:
    table = RichTable(title="Load", title_justify="left")
    for col in ("table", "rows read", "loaded", "quarantined", "why quarantined / note"):
        table.add_column(col, justify="right" if col in ("rows read", "loaded", "quarantined") else "left")
    for t in report.tables:
        why = "; ".join(f"{reason} ×{n}" for reason, n in t.reasons.most_common(3))
        table.add_row(t.table, f"{t.rows_read:,}", f"{t.rows_loaded:,}", f"{t.rows_quarantined:,}",
                      why or (t.note or ""))
    table.add_row("total", f"{report.rows_read:,}", f"{report.rows_loaded:,}", f"{report.rows_quarantined:,}", "")
    out.print(table)


# --- summary ---------------------------------------------------------------------------------------------------
def cmd_summary(args: argparse.Namespace) -> int:
    from casewatch.measures.headline import councils, headline
    from casewatch.model.store import StoreError, open_readonly

    try:
        con = open_readonly(args.db)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    with con:
        known = councils(con)
        if not known:
            raise UserError(f"{args.db}: no council in this database")
        if args.council is None and len(known) > 1:
            raise UserError("this database holds several councils; choose one with --council "
                            f"({', '.join(c for c, _ in known)})")
        council_id = args.council or known[0][0]
        if council_id not in dict(known):
            raise UserError(f"no council {council_id!r} here ({', '.join(c for c, _ in known)})")
        data_to = con.execute("SELECT data_to FROM councils WHERE council_id = ?", [council_id]).fetchone()[0]
        from casewatch.measures.run import last_31_march

        period_end = args.period_end or last_31_march(data_to)
        if period_end > data_to:
            raise UserError(f"the data runs to {data_to}; figures at {period_end} cannot be known yet")
        figures = headline(con, period_end, council_id)
    if args.format == "json":
        print(json.dumps({"council_id": council_id, **figures}))
        return 0
    name = dict(known)[council_id]
    table = RichTable(title=f"{name} ({council_id}) at {period_end:%d %B %Y}", title_justify="left")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for key, value in figures.items():
        if key not in ("period_end", "caseload_at_period_end"):
            table.add_row(key.replace("_", " "), f"{value:,}" if isinstance(value, int) else str(value))
    loads = figures["caseload_at_period_end"].values()
    if loads:
        table.add_row("workers holding cases", f"{len(loads):,}")
        table.add_row("largest caseload", f"{max(loads):,}")
    out.print(table)
    return 0


# --- schema ----------------------------------------------------------------------------------------------------
def cmd_schema(args: argparse.Namespace) -> int:
    from casewatch.model import TABLES
    from casewatch.model.schema import table_ddl

    if args.format == "sql":
        print("\n\n".join(table_ddl(t) for t in TABLES))
        return 0
    for t in TABLES:
        table = RichTable(title=f"{t.name} — {t.doc}", title_justify="left", expand=False)
        for col in ("column", "type", "required", "rule", "meaning"):
            table.add_column(col)
        for c in t.columns:
            rule = []
            if c.name in t.primary_key:
                rule.append("primary key")
            if c.references:
                rule.append(f"→ {c.references}")
            if c.codes:
                rule.append(f"{len(c.codes)} codes" if len(c.codes) > 6 else "/".join(c.codes))
            if c.check:
                rule.append(c.check_doc or c.check.format(c=c.name))
            table.add_row(c.name, c.type, "yes" if c.required else "", "; ".join(rule), c.doc)
        for chk in t.checks:
            table.add_row("(row)", "", "", chk.sql, f"refused if broken: {chk.message}")
        out.print(table)
    return 0


# --- demo ------------------------------------------------------------------------------------------------------
def cmd_demo(args: argparse.Namespace) -> int:
    base = Path(args.out)
    synth_dir, db = base / "synth", base / "casewatch.duckdb"
    cmd_synth(argparse.Namespace(out=str(synth_dir), size=args.size, seed=args.seed, years=5,
                                 scenario=args.scenario, councils=1, end=None, formats="parquet"))
    cmd_load(argparse.Namespace(path=[str(synth_dir)], db=str(db)))
    cmd_summary(argparse.Namespace(db=str(db), period_end=None, council=None, format="table"))
    from casewatch.outputs.report import write_report

    with _progress() as bar:
        bar.add_task("writing the report (HTML, PDF, Excel)", total=None)
        done = write_report(str(db), base / "report", la=args.la)
    out.print(f"report (benchmarked as {args.la}): {len(done.report.worse)} indicators got worse, "
              f"{len(done.report.behind)} behind England or the statistical neighbours", markup=False, soft_wrap=True)
    for kind, path in done.files.items():
        out.print(f"  {kind:5} {path.resolve()}", markup=False, soft_wrap=True)
    err.print(f"demo database: {db}  (try: casewatch indicators --db {db} --la {args.la}; casewatch lists --db {db})")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="casewatch", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("synth", help="generate a synthetic council with planted truth")
    p.add_argument("--out", required=True, help="directory for the Parquet tables and truth.json")
    p.add_argument("--size", default="small", choices=["tiny", "small", "medium", "large"])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--years", type=int, default=5, help="reporting years ending at --end (default 5)")
    p.add_argument("--scenario", default="baseline", choices=["baseline", "pressure"])
    p.add_argument("--councils", type=int, default=1, help="several councils for a regional pool")
    p.add_argument("--first-council", type=int, default=1,
                   help="number of the first council (X01 = 1): councils generated in separate runs stay distinct")
    p.add_argument("--end", type=_date, default=None, help="last period end (default: the most recent 31 March)")
    p.add_argument("--formats", default="parquet", help="parquet (canonical tables, always written) and/or "
                   "returns (903 CSV+XML, CIN XML, Annex A, workforce XML, CMS CSV under OUT/returns), "
                   "comma-separated")
    p.set_defaults(func=cmd_synth)

    from casewatch import cli_returns

    p = sub.add_parser("load", help="load returns (or a 'casewatch synth' directory) into a new analytics database")
    common = cli_returns.add_arguments(sub, out, err)
    common(p)
    p.add_argument("--db", required=True, help="DuckDB file to create or replace (only if the load succeeds)")
    p.set_defaults(func=cmd_load)

    p = sub.add_parser("summary", help="headline figures at a period end")
    p.add_argument("--db", required=True)
    p.add_argument("--period-end", type=_date, default=None, help="default: the last 31 March in the data")
    p.add_argument("--council", default=None, help="council code when the database holds several")
    p.add_argument("--format", default="table", choices=["table", "json"])
    p.set_defaults(func=cmd_summary)

    from casewatch import cli_indicators

    cli_indicators.add_parser(sub, out, err, UserError, _date)
    from casewatch import cli_allocate

    cli_allocate.add_parser(sub, out, err, UserError, _date)
    from casewatch import cli_lists

    cli_lists.add_parser(sub, out, err, UserError, _date)
    from casewatch import cli_caseloads

    cli_caseloads.add_parser(sub, out, err, UserError, _date)
    from casewatch import cli_report

    cli_report.add_parser(sub, out, err, UserError, _date)
    from casewatch import cli_forecast

    cli_forecast.add_parser(sub, out, err, UserError, _date)
    from casewatch import cli_pool

    cli_pool.add_parser(sub, out, err, UserError, _date)
    from casewatch import cli_scrutiny

    cli_scrutiny.add_parser(sub, out, err, UserError, _date)
    from casewatch import cli_web

    cli_web.add_parser(sub, out, err, UserError, _date)
    from casewatch import cli_export

    cli_export.add_parser(sub, out, err, UserError, _date)

    p = sub.add_parser("schema", help="print the canonical model")
    p.add_argument("--format", default="text", choices=["text", "sql"])
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("demo", help="synth + load + summary in one go")
    p.add_argument("--out", default="var/demo")
    p.add_argument("--size", default="small", choices=["tiny", "small", "medium", "large"])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--scenario", default="pressure", choices=["baseline", "pressure"])
    p.add_argument("--la", default="873", help="DfE LA code the synthetic council is benchmarked as in the report "
                   "(default 873, Cambridgeshire, whose 2019 downgrade the report states)")
    p.set_defaults(func=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except UserError as exc:
        err.print(f"casewatch: {exc}", style="bold red", markup=False, soft_wrap=True)
        return 2


if __name__ == "__main__":
    sys.exit(main())
