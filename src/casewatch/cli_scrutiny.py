"""`casewatch scrutiny`: hold a council's statement against the Ofsted report it describes."""

from __future__ import annotations

import argparse
import json

from rich.table import Table as RichTable

from casewatch.scrutiny.report import GRADES


def add_parser(sub, out, err, user_error, parse_date) -> None:
    p = sub.add_parser("scrutiny", help="a press release against the Ofsted report it describes: omitted findings, "
                                        "claims, quotes, the judgement change")
    p.add_argument("--report", required=True, help="the Ofsted report: the PDF as published, or its text")
    p.add_argument("--statement", required=True, help="the press release or statement: .txt, .html or .docx")
    p.add_argument("--previous-judgement", type=str.lower, choices=GRADES, default=None,
                   help="the previous overall judgement (default: looked up in the shipped Ofsted history)")
    p.add_argument("--format", default="table", choices=["table", "json", "html"])
    p.add_argument("--out", default=None, help="write to this file instead of the screen")
    p.add_argument("--lexical", action="store_true", help="word-based similarity only (no embedding model)")

    def run(args: argparse.Namespace) -> int:
        from casewatch.outputs.scrutiny import to_html, to_json
        from casewatch.scrutiny.check import scrutinise
        from casewatch.scrutiny.report import ReportError, parse_report
        from casewatch.scrutiny.statement import StatementError, read_statement

        try:
            report = parse_report(args.report)
            statement = read_statement(_existing(args.statement, user_error))
        except (ReportError, StatementError) as exc:
            raise user_error(str(exc)) from None
        found = scrutinise(report, statement, args.previous_judgement, lexical=args.lexical)
        if args.format == "json":
            text = json.dumps(to_json(found), indent=2, ensure_ascii=False)
        elif args.format == "html":
            text = to_html(found)
        else:
            from casewatch.cli_output import emit_table

            emit_table(lambda console: _table(console, found), args.out, out, err)
            return 0
        from casewatch.cli_output import emit

        emit(text, args.out, err)
        return 0

    p.set_defaults(func=run)


def _existing(path: str, user_error) -> str:
    from pathlib import Path

    if not Path(path).is_file():
        raise user_error(f"{path}: no such file")
    return path


def _table(out, found) -> None:
    out.print(f"[bold]{found.report.council}[/bold]: {found.judgements.plainly()}")
    claims = RichTable(title="Claims", show_lines=True)
    for col in ("verdict", "statement", "why"):
        claims.add_column(col)
    style = {"supported": "green", "unsupported": "yellow", "contradicted": "bold red"}
    for c in found.claims:
        claims.add_row(f"[{style[c.verdict]}]{c.verdict}[/]", c.text, c.reason)
    out.print(claims)
    if found.quotes:
        quotes = RichTable(title="Quotes", show_lines=True)
        for col in ("status", "quoted", "the report says"):
            quotes.add_column(col)
        for q in found.quotes:
            quotes.add_row(q.status, q.text, q.report_text or "")
        out.print(quotes)
    omitted = RichTable(title=f"Critical findings left out ({len(found.omitted)}; the first 15)", show_lines=True)
    for col in ("rank", "finding", "section", "severity"):
        omitted.add_column(col)
    for f in found.omitted[:15]:
        omitted.add_row(str(f.rank), f.text, f.section, str(f.severity))
    out.print(omitted)
