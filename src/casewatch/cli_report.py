"""`casewatch report`: the honest report as HTML, PDF and Excel."""

from __future__ import annotations

import argparse


def add_parser(sub, out, err, user_error, parse_date) -> None:
    p = sub.add_parser("report", help="the performance report: report.html, report.pdf, report.xlsx")
    p.add_argument("--db", required=True)
    p.add_argument("--out", required=True, help="directory to write into")
    p.add_argument("--period-end", type=parse_date, default=None)
    p.add_argument("--council", default=None)
    p.add_argument("--la", default=None, help="DfE LA code to benchmark as (default: the one the data records "
                   "for the council, else its own id when that is an LA code)")
    p.add_argument("--audience", default="internal", choices=["internal", "public"],
                   help="public: every figure through disclosure control (no switch turns it off)")
    p.add_argument("--format", action="append", dest="formats", choices=["html", "pdf", "xlsx"],
                   help="only these (repeatable; default all three)")
    p.add_argument("--standards", default=None,
                   help="a council's standards file: the caseload cap, ASYE factor and weights of the FTE shortfall")

    def run(args: argparse.Namespace) -> int:
        from casewatch import standards
        from casewatch.measures.run import IndicatorError
        from casewatch.outputs.report import write_report
        from casewatch.words import day

        try:
            done = write_report(args.db, args.out, args.period_end, args.council, args.la, args.audience,
                                tuple(args.formats or ("html", "pdf", "xlsx")),
                                standards=standards.load(args.standards))
        except (IndicatorError, standards.StandardsError) as exc:
            raise user_error(str(exc)) from None
        r = done.report
        out.print(f"{r.ctx.council_name}, year ending {day(r.ctx.period_end)} ({r.audience}): "
                  f"{len(r.worse)} indicators got worse, {len(r.behind)} behind England or neighbours", markup=False,
                  soft_wrap=True)
        for kind, path in done.files.items():
            out.print(f"  {kind:5} {path}", markup=False, soft_wrap=True)
        out.print("  seconds: " + ", ".join(f"{k} {v}" for k, v in done.seconds.items()), markup=False)
        return 0

    p.set_defaults(func=run)
