"""Time `casewatch scrutiny` (issue 8 goal: a 30-page report plus a statement in under 10 s on 2 cores).

    .venv/bin/python bench/scrutiny.py [--reports DIR]

For every Ofsted report in the corpus (../shared/reference/ofsted/reports) with 30 pages or more, and the
longest of the rest: a fresh `casewatch scrutiny --format json` process (start-up, PDF reading, parsing, the
similarity model, the checks, JSON) against a 10-sentence press release, best of 3; then the same in one warm
process, split into reading the PDF and checking.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATEMENT = json.loads((ROOT / "tests/scrutiny/devset/blackpool_17-january-2019__positive_spin.json").read_text())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", default=str(ROOT.parent / "shared/reference/ofsted/reports"))
    a = ap.parse_args()
    import pypdfium2

    from casewatch.scrutiny.check import scrutinise
    from casewatch.scrutiny.report import parse_report
    from casewatch.scrutiny.similar import method
    from casewatch.scrutiny.statement import read_statement

    folder = Path(a.reports)
    if not folder.is_dir():
        folder = Path("/work/shared/reference/ofsted/reports")
    pdfs = sorted(folder.glob("*.pdf"))
    if not pdfs:
        sys.exit(f"no reports in {a.reports}")
    pages = {p: len(pypdfium2.PdfDocument(p)) for p in pdfs}
    chosen = [p for p in pdfs if pages[p] >= 30] or [max(pdfs, key=pages.get)]
    statement = Path(tempfile.mkdtemp()) / "statement.txt"
    statement.write_text(STATEMENT["statement"], encoding="utf-8")
    print(f"similarity: {method()}; {len(pdfs)} reports, {len(chosen)} of 30 pages or more")
    print("| report | pages | sentences | fresh process s (best of 3) | read PDF s | check s | claims | omitted |")
    print("|---|---|---|---|---|---|---|---|")
    for pdf in chosen:
        fresh = []
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "casewatch.cli", "scrutiny", "--report", str(pdf), "--statement",
                            str(statement), "--format", "json"], check=True, capture_output=True)
            fresh.append(time.perf_counter() - t)
        t = time.perf_counter()
        report = parse_report(pdf)
        read = time.perf_counter() - t
        t = time.perf_counter()
        found = scrutinise(report, read_statement(statement))
        check = time.perf_counter() - t
        print(f"| {pdf.stem} | {pages[pdf]} | {len(report.sentences)} | {min(fresh):.2f} | {read:.2f} | {check:.2f} "
              f"| {len(found.claims)} | {len(found.omitted)} |")
    print("goal: under 10 s for a 30-page report and a statement, fresh process")


if __name__ == "__main__":
    main()
