"""casewatch commands for statutory returns: load, validate, rules; and the issues report they write.

Output on the terminal is counts by file and by rule, never a child's value. The issues report (``--issues
REPORT.xlsx|.csv``) is child-level: it lists every issue's file, table, row, child, field, rule and message
(with the value found and what the rule allows, where it can say) for the analyst who must fix the source system, and stays on the council's machine like the database.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from rich.table import Table as RichTable

ISSUE_COLUMNS = ("file", "table", "row", "child", "field", "value", "expected", "rule", "severity", "message")


def write_issues(issues, path: str, rules=None) -> None:
    """Every issue, one row each, to REPORT.xlsx or .csv. With ``rules`` (the run's ``RuleRun``), the rows a rule
    flagged beyond the first ``rules.run.LISTED`` of a file (kept as Arrow tables, not issues) are written too, in
    place of the issue that counts them: the report lists every finding however many there are."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    listed = (i.as_dict() for i in (rules.findings(issues) if rules is not None else issues))
    unlisted = list(rules.unlisted) if rules is not None else []
    from casewatch.outputs.safefile import dict_writer, safe_columns, xlsx_workbook

    # child ids and values come from the council's files: never written as a formula or link (outputs.safefile)
    if target.suffix.lower() == ".xlsx":
        book = xlsx_workbook(str(target), {"constant_memory": True})
        sheet = book.add_worksheet("Issues")
        bold = book.add_format({"bold": True})
        sheet.write_row(0, 0, ISSUE_COLUMNS, bold)
        r = 0
        for r, row in enumerate(itertools.chain(listed, *(_unlisted(t) for t in unlisted)), start=1):
            sheet.write_row(r, 0, [row[c] if row[c] is not None else "" for c in ISSUE_COLUMNS])
        sheet.autofilter(0, 0, max(r, 1), len(ISSUE_COLUMNS) - 1)
        sheet.freeze_panes(1, 0)
        book.close()
    else:
        with open(target, "w", newline="", encoding="utf-8") as fh:
            writer = dict_writer(fh, fieldnames=ISSUE_COLUMNS)
            writer.writeheader()
            writer.writerows(listed)
        if unlisted:  # column at a time (1.6 million rows: 37 s a row at a time, ~3 s so), same quoting and ends
            import pyarrow.csv as pacsv

            options = pacsv.WriteOptions(include_header=False, quoting_style="needed", eol="\r\n")
            with open(target, "ab") as fh:
                for t in unlisted:
                    pacsv.write_csv(safe_columns(t.select(list(ISSUE_COLUMNS))), fh, options)


def _unlisted(table):
    """The rows of one rule's unlisted findings as issue rows, 10,000 at a time."""
    for batch in table.select(list(ISSUE_COLUMNS)).to_batches(10_000):
        yield from batch.to_pylist()


def _files_table(run, title: str) -> RichTable:
    table = RichTable(title=title, title_justify="left")
    for col in ("file", "kind", "year", "rows read", "loaded", "quarantined", "note"):
        table.add_column(col, justify="right" if col in ("rows read", "loaded", "quarantined", "year") else "left")
    for f in run.files:
        table.add_row(f.path, f.kind, str(f.year or ""), f"{f.rows_read:,}", f"{f.rows_loaded:,}",
                      f"{f.rows_quarantined:,}", f.error or "")
    total = [sum(getattr(f, a) for f in run.files) for a in ("rows_read", "rows_loaded", "rows_quarantined")]
    table.add_row("total", "", "", *(f"{n:,}" for n in total), "")
    return table


def _rules_table(run, limit: int = 25) -> RichTable:
    from casewatch.rules.engine import all_rules

    messages = {r.code: r.message for r in all_rules()}
    table = RichTable(title=f"Issues by rule ({sum(run.by_rule.values()):,} in all)", title_justify="left")
    for col in ("rule", "count", "message"):
        table.add_column(col, justify="right" if col == "count" else "left")
    for i in run.issues:  # the load's own codes (repairs, readers) carry their message on the issue
        messages.setdefault(i.rule, i.message.split(": ", 1)[-1])
    for code, n in run.by_rule.most_common(limit):
        table.add_row(code, f"{n:,}", messages.get(code, ""))
    return table


def _opts(args) -> dict:
    return {"kind": args.kind, "year": args.year, "council_id": args.council, "xsd": args.xsd,
            "follow_symlinks": args.follow_symlinks}


def print_returns_load(run, issues_path: str | None, out, err) -> None:
    """What ``casewatch load`` prints for returns: rows per file, issues per rule, the issues report."""
    out.print(_files_table(run, "Load"))
    if run.by_rule:
        out.print(_rules_table(run))
    _failed_rules(run, err)
    if issues_path:
        write_issues(run.issues, issues_path, run.rules)
        err.print(f"issues report (child-level, keep it on this machine): {issues_path}", markup=False)
    loaded = sum(f.rows_loaded for f in run.files if f.kind != "reference")
    err.print(f"loaded {loaded:,} records into {run.db_path}", markup=False)
    looked_up = sum(f.rows_loaded for f in run.files if f.kind == "reference")
    if looked_up:
        err.print(f"read {looked_up:,} rows of reference data (postcode directory, Ofsted's provider lists): used by the checks, "
                  "not kept in the database", markup=False)


def _failed_rules(run, err) -> None:
    for kind, code, year, msg in run.rules.failed:
        err.print(f"casewatch: RULE FAILED {kind} {code} ({year}): {msg}", style="bold red", markup=False)
    by_year: dict[tuple[str, int, str], list[str]] = {}
    for kind, code, year, why in run.rules.skipped:
        by_year.setdefault((kind, year, why), []).append(code)
    for (kind, year, why), codes in sorted(by_year.items()):
        err.print(f"{len(codes)} {kind} rules for {year - 1}-{year % 100:02d} not run: each {why}, which was not "
                  f"given ({', '.join(codes)})", markup=False)


def cmd_validate(args, out, err) -> int:
    from casewatch.ingest.pipeline import validate

    run = validate(args.path, **_opts(args))
    if args.issues:
        write_issues(run.issues, args.issues, run.rules)
    if args.format == "json":
        print(json.dumps({"files": [f.as_dict() for f in run.files],
                          "issues_by_rule": dict(sorted(run.by_rule.items())),
                          "issues_total": sum(run.by_rule.values()),
                          "rules_failed": [{"kind": k, "rule": c, "year": y, "error": m}
                                           for k, c, y, m in run.rules.failed],
                          "rules_skipped": [{"kind": k, "rule": c, "year": y, "why": w}
                                            for k, c, y, w in run.rules.skipped]}))
    else:
        out.print(_files_table(run, "Validation"))
        out.print(_rules_table(run))
    _failed_rules(run, err)
    return 0 if run.usable else 1


def cmd_rules(args, out, err) -> int:
    from casewatch.rules.engine import all_rules, registry

    if args.year:
        rules = [r for kind in sorted({r.kind for r in all_rules()}) for r in registry(kind, args.year).values()]
    else:
        rules = sorted(all_rules(), key=lambda r: (r.kind, r.code, r.since))
    if args.kind:
        rules = [r for r in rules if r.kind == args.kind]
    if args.format == "json":
        print(json.dumps([{"code": r.code, "return": r.kind, "severity": r.severity, "message": r.message,
                           "tables": list(r.tables), "fields": list(r.fields), "since": r.since,
                           "until": r.until, "quarantine": r.quarantine} for r in rules]))
        return 0
    title = f"Rules in force for {args.year - 1}-{args.year % 100:02d}" if args.year else "All rules"
    table = RichTable(title=f"{title} ({len(rules)})", title_justify="left")
    for col in ("return", "rule", "severity", "years", "tables.fields", "message"):
        table.add_column(col)
    for r in rules:
        years = f"{r.since}-{r.until or ''}"
        where = ", ".join(f"{r.tables[0]}.{f}" for f in r.fields) or ", ".join(r.tables)
        sev = r.severity + (" (quarantines)" if r.quarantine else "")
        table.add_row(r.kind, r.code, sev, years, where, r.message)
    out.print(table)
    return 0


def add_arguments(sub, out, err) -> None:
    def common(p):
        p.add_argument("path", nargs="+", help="files or directories of returns")
        p.add_argument("--issues", default=None, help="write every issue to REPORT.xlsx or REPORT.csv")
        p.add_argument("--kind", default=None, choices=["ssda903", "cin", "annex_a", "swwc", "cms", "reference"],
                       help="treat every file as this return (default: tell from content and name)")
        p.add_argument("--year", type=int, default=None, help="collection year, named by the 31 March it ends")
        p.add_argument("--council", default=None, help="council code (default: from the files)")
        p.add_argument("--xsd", action="store_true", help="also validate CIN XML against that year's XSD")
        p.add_argument("--follow-symlinks", action="store_true",
                       help="read symbolic links inside the folders given (refused by default, each named)")

    p = sub.add_parser("validate", help="check returns against the DfE rules; writes nothing but --issues")
    common(p)
    p.add_argument("--format", default="table", choices=["table", "json"])
    p.set_defaults(func=lambda a: cmd_validate(a, out, err))

    p = sub.add_parser("rules", help="the catalogue of data-quality rules")
    p.add_argument("--year", type=int, default=None, help="only the rules in force that collection year")
    p.add_argument("--kind", default=None, choices=["ssda903", "cin", "annex_a", "swwc", "cms", "reference"])
    p.add_argument("--format", default="table", choices=["table", "json"])
    p.set_defaults(func=lambda a: cmd_rules(a, out, err))
    return common
