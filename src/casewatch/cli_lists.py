"""`casewatch lists`: who is overdue for what, as of a date (child-level: for managers and workers)."""

from __future__ import annotations

import argparse
import json

from rich.table import Table as RichTable

from casewatch import words

FIELDS = ("list", "child", "team", "worker", "what", "due_date", "days_overdue", "rule", "basis")


def add_parser(sub, out, err, user_error, parse_date) -> None:
    p = sub.add_parser("lists", help="child-level action lists: visits, assessments, conferences, reviews overdue")
    p.add_argument("--db", required=True)
    p.add_argument("--date", type=parse_date, default=None, help="as of this date (default: the date the data runs to)")
    p.add_argument("--council", default=None)
    p.add_argument("--team", default=None)
    p.add_argument("--worker", default=None)
    p.add_argument("--list", action="append", dest="names", help="only this list (repeatable; docs/lists.md names "
                                                                 "them)")
    p.add_argument("--indicators-dir", default=None, help="a folder of the council's own indicators and lists "
                   "(TOML; docs/indicators.md); default: $CASEWATCH_INDICATORS_DIR")
    p.add_argument("--standards", default=None, help="the council's own standards file (TOML; see "
                                                     "casewatch/standards.toml for the defaults)")
    p.add_argument("--format", default="table", choices=["table", "json", "csv", "xlsx"])
    p.add_argument("--out", default=None, help="file to write, in any format (required for xlsx)")

    def run(args: argparse.Namespace) -> int:
        from casewatch import standards
        from casewatch.lists.define import LISTS
        from casewatch.lists.run import run_lists
        from casewatch.measures.api import IndicatorError, open_council
        from casewatch.measures.local import load_folder

        try:
            load_folder(args.indicators_dir)
            known = list(LISTS)
        except IndicatorError as exc:
            raise user_error(str(exc)) from None
        unknown = [n for n in args.names or [] if n not in known]
        if unknown:
            raise user_error(f"no list {', '.join(unknown)}; the lists are {', '.join(known)}")
        if args.format == "xlsx" and not args.out:
            raise user_error("--format xlsx needs --out FILE.xlsx")
        try:
            std = standards.load(args.standards)
        except standards.StandardsError as exc:
            raise user_error(str(exc)) from None
        try:
            with open_council(args.db, args.council) as (con, ctx):
                on = args.date or ctx.data_to
                if on > ctx.data_to:
                    raise user_error(f"the data runs to {words.day(ctx.data_to)}; lists as of {words.day(on)} cannot "
                                     "be known")
                rows = [r.as_dict() for r in run_lists(con, on, std, args.names, args.team, args.worker)]
        except IndicatorError as exc:
            raise user_error(str(exc)) from None
        from casewatch.cli_output import csv_text, emit, emit_table

        if args.format == "json":
            emit(json.dumps(rows), args.out, err)
        elif args.format == "csv":
            emit(csv_text(FIELDS, ([r[f] for f in FIELDS] for r in rows)), args.out, err)
        elif args.format == "xlsx":
            _xlsx(args.out, rows, on)
            out.print(f"{len(rows):,} rows written to {args.out}", markup=False)
        else:
            emit_table(lambda console: _table(console, ctx, on, rows), args.out, out, err)
        return 0

    p.set_defaults(func=run)


def _table(out, ctx, on, rows: list[dict]) -> None:
    t = RichTable(title=f"{ctx.council_name}: actions as of {words.day(on)} ({len(rows):,}; overdue first)",
                  title_justify="left")
    for col in ("list", "child", "team", "worker", "what", "due", "days overdue"):
        t.add_column(col, justify="right" if col == "days overdue" else "left")
    from casewatch.lists.define import LISTS

    for r in rows:
        days = r["days_overdue"]
        title = LISTS[r["list"]].title if r["list"] in LISTS else r["list"]
        t.add_row(title, r["child"], r.get("team_name") or r["team"] or "", r.get("worker_name") or r["worker"] or "",
                  r["what"], words.day_short(r["due_date"]),
                  f"[bold red]{days}[/]" if days > 0 else f"{-days} left" if days < 0 else "today")
    out.width = max(out.width, 160)
    out.print(t)


def _xlsx(path: str, rows: list[dict], on) -> None:
    from casewatch.outputs.safefile import xlsx_workbook

    # text from the data is never a formula or a link (CSV/formula injection): outputs.safefile
    book = xlsx_workbook(path)
    sheet = book.add_worksheet(f"actions {on:%d-%m-%Y}")
    bold = book.add_format({"bold": True})
    sheet.write_row(0, 0, FIELDS, bold)
    for i, r in enumerate(rows, start=1):
        sheet.write_row(i, 0, [r[f] for f in FIELDS])
    sheet.autofilter(0, 0, max(len(rows), 1), len(FIELDS) - 1)
    sheet.freeze_panes(1, 0)
    book.close()
