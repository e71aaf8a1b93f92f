"""casewatch: the plain truth about a council's children's social care, from its own statutory data.

Progress goes to stderr (a rich progress bar on a terminal, plain lines otherwise); results go to stdout.
Nothing printed here carries child-level data: loads report counts and reasons, never values. An error a
person can fix is one line and exit code 2; anything else is one line naming the command and exit code 70
(CASEWATCH_DEBUG=1 shows the traceback), so no error ever repeats a value from the data.
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

from casewatch import words
from casewatch.errors import CasewatchError

# Piped to a file or ``less``, nothing is cut to 80 columns: full file names, whole rows.
out = Console(highlight=False, width=None if sys.stdout.isatty() else 4000)
err = Console(stderr=True, highlight=False, width=None if sys.stderr.isatty() else 4000)


class UserError(CasewatchError):
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
    from casewatch import jobs

    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    started = time.perf_counter()
    with _progress() as progress:
        task = progress.add_task("generating councils", total=args.councils)

        def step(i: int, n: int) -> None:
            progress.update(task, completed=i)
            if not err.is_terminal:
                err.print(f"casewatch: generating council {i + 1} of {n}")

        made = jobs.synth(args.out, size=args.size, seed=args.seed, years=args.years, scenario=args.scenario,
                          councils=args.councils, first_council=args.first_council, end=args.end, formats=formats,
                          on_council=step, la=args.la)
        progress.update(task, completed=args.councils)
    err.print(f"wrote {made.rows:,} rows in {len(made.truth['rows'])} tables and truth.json to {args.out} "
              f"in {time.perf_counter() - started:.1f} s", markup=False)
    if made.returns:
        err.print(f"wrote {len(made.returns)} return files to {Path(args.out) / 'returns'}", markup=False)
    return 0


# --- load ------------------------------------------------------------------------------------------------------
def cmd_load(args: argparse.Namespace) -> int:
    from casewatch import jobs
    from casewatch.cli_returns import print_returns_load

    started = time.perf_counter()
    with _progress() as progress:
        task = progress.add_task("loading", total=None)

        def step(name: str, i: int, n: int) -> None:
            progress.update(task, description=f"loading {name}", completed=i, total=n)
            if not err.is_terminal:
                err.print(f"casewatch: loading {name} ({i + 1} of {n})")

        loaded = jobs.load(args.path, args.db, kind=args.kind, year=args.year, council=args.council, xsd=args.xsd,
                           follow_symlinks=args.follow_symlinks, on_table=step)
    if loaded.run is not None:
        print_returns_load(loaded.run, args.issues, out, err)
    else:
        _print_load(loaded.report)
        err.print(f"loaded {loaded.report.rows_loaded:,} rows, quarantined {loaded.report.rows_quarantined:,}, "
                  f"into {args.db}", markup=False)
    err.print(f"took {time.perf_counter() - started:.1f} s", markup=False)
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
    from casewatch import jobs

    s = jobs.summary(args.db, period_end=args.period_end, council=args.council)
    _print_summary(s, args.format)
    return 0


def _print_summary(s, fmt: str) -> None:
    if fmt == "json":
        print(json.dumps({"council_id": s.council_id, **s.figures}))
        return
    table = RichTable(title=f"{s.name} ({s.council_id}) at {words.day(s.period_end)}", title_justify="left")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for key, value in s.figures.items():
        if key not in ("period_end", "caseload_at_period_end"):
            table.add_row(key.replace("_", " "), f"{value:,}" if isinstance(value, int) else str(value))
    loads = s.figures["caseload_at_period_end"].values()
    if loads:
        table.add_row("workers holding cases", f"{len(loads):,}")
        table.add_row("largest caseload", f"{max(loads):,}")
    out.print(table)


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
    from casewatch import jobs

    with _progress() as bar:
        task = bar.add_task("demo", total=None)

        def step(what: str) -> None:
            bar.update(task, description=what)
            if not err.is_terminal:
                err.print(f"casewatch: {what}", markup=False)

        done = jobs.demo(args.out, size=args.size, seed=args.seed, scenario=args.scenario, la=args.la, on_step=step)
    _print_load(done.loaded.report)
    _print_summary(done.summary, "table")
    report = done.report
    out.print(f"report (benchmarked as {args.la}): {len(report.report.worse)} indicators got worse, "
              f"{len(report.report.behind)} behind England or the statistical neighbours", markup=False, soft_wrap=True)
    for kind, path in report.files.items():
        out.print(f"  {kind:5} {path.resolve()}", markup=False, soft_wrap=True)
    db = done.loaded.db
    err.print(f"demo database: {db}  (try: casewatch indicators --db {db} --la {args.la}; casewatch lists --db {db})",
              markup=False, soft_wrap=True)
    return 0


class _OneLineHelp(argparse.HelpFormatter):
    """``casewatch --help``: every command on one line with its help (argparse measures the command names one
    indent short, and wraps at 80 columns)."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=20, width=130)

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.choices and isinstance(action.choices, dict):  # the commands
            longest = max(len(name) for name in action.choices) + self._current_indent + 2 * self._indent_increment
            self._action_max_length = max(self._action_max_length, longest)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="casewatch", description=__doc__.splitlines()[0],
                                     formatter_class=_OneLineHelp,
                                     epilog="'casewatch COMMAND --help' gives a command's options; README.md shows "
                                            "each command in use.")
    sub = parser.add_subparsers(dest="command", required=True, title="commands", metavar="COMMAND")

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
    p.add_argument("--la", default=None, help="DfE LA number (3 digits) one synthetic council is compared as: "
                   "England, its statistical neighbours and its Ofsted history appear beside its figures")
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

    # in the README's order
    from casewatch import (
        cli_allocate,
        cli_caseloads,
        cli_export,
        cli_forecast,
        cli_indicators,
        cli_lists,
        cli_pool,
        cli_report,
        cli_scrutiny,
        cli_web,
    )

    for module in (cli_indicators, cli_lists, cli_caseloads, cli_forecast, cli_export, cli_pool, cli_scrutiny, cli_web, cli_allocate, cli_report):
        module.add_parser(sub, out, err, UserError, _date)

    p = sub.add_parser("schema", help="the canonical model: every table and column, its meaning and its rules")
    p.add_argument("--format", default="text", choices=["text", "sql"])
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("demo", help="what 'make run' shows: a synthetic council made, loaded, summarised and reported")
    p.add_argument("--out", default="var/demo")
    p.add_argument("--size", default="small", choices=["tiny", "small", "medium", "large"])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--scenario", default="pressure", choices=["baseline", "pressure"])
    p.add_argument("--la", default="873", help="DfE LA code the synthetic council is benchmarked as in the report "
                   "(default 873, Cambridgeshire, whose 2019 downgrade the report states)")
    p.set_defaults(func=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    import os

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except CasewatchError as exc:
        err.print(f"casewatch: {exc}", style="bold red", markup=False, soft_wrap=True)
        return 2
    except BrokenPipeError:  # piped into head or less and closed: not an error
        _quiet_stdout()
        return 0
    except KeyboardInterrupt:
        err.print("casewatch: interrupted", markup=False)
        return 130
    except Exception as exc:
        if os.environ.get("CASEWATCH_DEBUG"):
            raise
        # the message of an unexpected error may hold a value from the data: its type only
        err.print(f"casewatch {args.command}: unexpected {type(exc).__name__}. This is a fault in casewatch, not "
                  "in what you asked; please report it (CASEWATCH_DEBUG=1 shows where it happened).",
                  style="bold red", markup=False, soft_wrap=True)
        return 70


def _quiet_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    sys.exit(main())
